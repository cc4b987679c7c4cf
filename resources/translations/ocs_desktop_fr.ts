<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ActivateForm</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/activate_form.py" line="+72"/>
        <location line="+3"/>
        <source>ocs.example.org/download</source>
        <extracomment>The package is activated: the ``download_enable.ID``. True while publishing / checking / activating runs.</extracomment>
        <translation>ocs.example.org/download</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Where agents fetch the info file, always over HTTPS</source>
        <translation>Où les agents récupèrent le fichier info, toujours en HTTPS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where agents fetch the fragments</source>
        <translation>Où les agents récupèrent les fragments</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy into a download folder</source>
        <translation>Copier dans un dossier de téléchargement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload to an OCS Desktop server</source>
        <translation>Téléverser vers un serveur OCS Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already published there</source>
        <translation>Déjà publié à cet endroit</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>/var/lib/ocsinventory-reports/download</source>
        <translation>/var/lib/ocsinventory-reports/download</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>https://ocs.example.org:8443</source>
        <translation>https://ocs.example.org:8443</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Used for this upload only; never saved</source>
        <translation>Utilisé pour ce téléversement uniquement ; jamais enregistré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System certificates</source>
        <translation>Certificats du système</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check that the info file and the first fragment answer before activating</source>
        <translation>Vérifier que le fichier info et le premier fragment répondent avant d&apos;activer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Activate</source>
        <translation>&amp;Activer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Info file location (INFO_LOC):</source>
        <translation>Emplacement du fichier info (INFO_LOC) :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fragments location (PACK_LOC):</source>
        <translation>Emplacement des fragments (PACK_LOC) :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish the files</source>
        <translation>Publier les fichiers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Download folder:</source>
        <translation>Dossier de téléchargement :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator:</source>
        <translation>Opérateur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CA file for checks and uploads:</source>
        <translation>Fichier de l&apos;AC pour les vérifications et téléversements :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agent certificate folder (CERT_PATH):</source>
        <translation>Dossier du certificat des agents (CERT_PATH) :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent certificate file (CERT_FILE):</source>
        <translation>Fichier du certificat des agents (CERT_FILE) :</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Package {0}</source>
        <translation>Paquet {0}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Download folder</source>
        <translation>Dossier de téléchargement</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CA file</source>
        <translation>Fichier de l&apos;AC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Certificats (*.pem *.crt)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No package to activate.</source>
        <translation>Aucun paquet à activer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>info file location</source>
        <translation>emplacement du fichier info</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fragments location</source>
        <translation>emplacement des fragments</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The {0} must be HOST[:PORT]/PATH, e.g. ocs.example.org/download.</source>
        <translation>L&apos;{0} doit être de la forme HÔTE[:PORT]/CHEMIN, par exemple ocs.example.org/download.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose an existing download folder.</source>
        <translation>Choisissez un dossier de téléchargement existant.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server address must start with https://.</source>
        <translation>L&apos;adresse du serveur doit commencer par https://.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the operator&apos;s login and password.</source>
        <translation>Indiquez l&apos;identifiant et le mot de passe de l&apos;opérateur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The CA file does not exist.</source>
        <translation>Le fichier de l&apos;AC n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Activating package {0}…</source>
        <translation>Activation du paquet {0}…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Package {0} is activated (download_enable {1}).</source>
        <translation>Le paquet {0} est activé (download_enable {1}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not activated: {0}</source>
        <translation>Non activé : {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Activation cancelled; nothing was activated.</source>
        <translation>Activation annulée ; rien n&apos;a été activé.</translation>
    </message>
</context>
<context>
    <name>ActivatePage</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/wizard.py" line="+168"/>
        <source>Activate</source>
        <translation>Activer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Publish the package where agents fetch it. You can also finish now and activate it later from the Deployment page.</source>
        <translation>Publiez le paquet là où les agents le récupèrent. Vous pouvez aussi terminer maintenant et l&apos;activer plus tard depuis la page Déploiement.</translation>
    </message>
</context>
<context>
    <name>AdminData</name>
    <message>
        <source>unknown admin fields: {columns}</source>
        <translation>champs administratifs inconnus : {columns}</translation>
    </message>
    <message>
        <source>no machine with ID {id}</source>
        <translation>aucune machine n&apos;a l&apos;ID {id}</translation>
    </message>
    <message>
        <source>IDs {ids} are groups, not machines</source>
        <translation>les ID {ids} sont des groupes, pas des machines</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; names several admin fields; give the column instead</source>
        <translation>« {name} » désigne plusieurs champs administratifs ; donnez plutôt la colonne</translation>
    </message>
    <message>
        <source>no admin field &apos;{name}&apos;; the fields are: {known}</source>
        <translation>aucun champ administratif « {name} » ; les champs sont : {known}</translation>
    </message>
    <message>
        <source>{field}: &apos;{value}&apos; is not a whole number</source>
        <translation>{field} : « {value} » n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <source>{field}: &apos;{value}&apos; is not a date (YYYY-MM-DD)</source>
        <translation>{field} : « {value} » n&apos;est pas une date (AAAA-MM-JJ)</translation>
    </message>
</context>
<context>
    <name>AdminFields</name>
    <message>
        <location filename="../../ocs_desktop/fleet/admin_fields.py" line="+75"/>
        <source>The name of a field cannot be empty.</source>
        <extracomment>The column type OCS gives each field type (``$sql_type_accountinfo``; NUMBER per §7). Types whose values are chosen from ``config`` rows. ``config.NAME`` is VARCHAR(50): the longest name whose choices still fit. Seconds an ALTER waits for the table&apos;s metadata lock before giving up. MySQL errors meaning &quot;this ALGORITHM/LOCK is not possible here&quot;: try the next one. Context of the messages below for the console&apos;s translations. Refusals by code; English, with ``{0}``… for their values.</extracomment>
        <translation>Le nom d&apos;un champ ne peut pas être vide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: a field name holds only letters A-Z and digits.</source>
        <translation>{0} : un nom de champ ne contient que des lettres A-Z et des chiffres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: a field with choices has a name of at most {1} characters.</source>
        <translation>{0} : un champ à choix a un nom d&apos;au plus {1} caractères.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A field named {0} already exists.</source>
        <translation>Un champ nommé {0} existe déjà.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TAG is built in and cannot be deleted.</source>
        <translation>TAG est intégré et ne peut pas être supprimé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TAG is built in: only its label can change.</source>
        <translation>TAG est intégré : seul son libellé peut changer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The label of a field cannot be empty.</source>
        <translation>Le libellé d&apos;un champ ne peut pas être vide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} is not a select, radio or checkbox field.</source>
        <translation>{0} n&apos;est pas un champ liste, boutons radio ou cases à cocher.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A choice cannot be empty.</source>
        <translation>Un choix ne peut pas être vide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} is already a choice of {1}.</source>
        <translation>{0} est déjà un choix de {1}.</translation>
    </message>
</context>
<context>
    <name>AdminFieldsTab</name>
    <message>
        <location filename="../../ocs_desktop/views/admin/admin_fields_tab.py" line="+48"/>
        <source>Text</source>
        <extracomment>The field ID of a list item. The stored number of a choice item.</extracomment>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text area</source>
        <translation>Zone de texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check boxes</source>
        <translation>Cases à cocher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Radio buttons</source>
        <translation>Boutons radio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Add…</source>
        <extracomment>The fields were (re)read and are shown.</extracomment>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choices</source>
        <translation>Choix</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Text of a choice</source>
        <translation>Texte d&apos;un choix</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Fields every machine gets in its administrative data, as in the OCS console: each is a column of accountinfo. Drag a field or use Up and Down to change the order.</source>
        <translation>Champs que chaque machine reçoit dans ses données administratives, comme dans la console OCS : chacun est une colonne d&apos;accountinfo. Faites glisser un champ ou utilisez Monter et Descendre pour changer l&apos;ordre.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Choices of {0}</source>
        <translation>Choix de {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only list, check box and radio fields have choices.</source>
        <translation>Seuls les champs liste, cases à cocher et boutons radio ont des choix.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Not done: {0}</source>
        <translation>Non effectué : {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Field {0} added</source>
        <translation>Champ {0} ajouté</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Field renamed</source>
        <translation>Champ renommé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order saved</source>
        <translation>Ordre enregistré</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Field deleted</source>
        <translation>Champ supprimé</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Delete the admin field {0}? Its column is dropped: the value of every machine for this field is lost. This cannot be undone.</source>
        <translation>Supprimer le champ administratif {0} ? Sa colonne est supprimée : la valeur de chaque machine pour ce champ est perdue. Cette action est irréversible.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete admin field</source>
        <translation>Supprimer le champ administratif</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choice added</source>
        <translation>Choix ajouté</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choice changed</source>
        <translation>Choix modifié</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choice removed</source>
        <translation>Choix retiré</translation>
    </message>
</context>
<context>
    <name>AdminTabs</name>
    <message>
        <location filename="../../ocs_desktop/views/admin/tabs.py" line="+36"/>
        <source>Configuration</source>
        <extracomment>A tab&apos;s class: built from the console&apos;s context. (key, loader of its class), in the order the tabs are shown.</extracomment>
        <translation>Configuration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operators</source>
        <translation>Opérateurs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Admin fields</source>
        <translation>Champs administratifs</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Registry queries</source>
        <translation>Registre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files for agents</source>
        <translation>Fichiers agents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server status</source>
        <translation>État du serveur</translation>
    </message>
</context>
<context>
    <name>AgentFilesModel</name>
    <message>
        <location filename="../../ocs_desktop/views/admin/agent_files_tab.py" line="+98"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
</context>
<context>
    <name>AgentFilesTab</name>
    <message>
        <location line="-51"/>
        <source>The file name is empty.</source>
        <translation>Le nom de fichier est vide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: the name contains control characters.</source>
        <translation>{0} : le nom contient des caractères de contrôle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the name contains a path separator (/ or \).</source>
        <translation>{0} : le nom contient un séparateur de chemin (/ ou \).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: a name may not start with a dot nor contain “..”.</source>
        <translation>{0} : un nom ne peut ni commencer par un point ni contenir « .. ».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: a name may hold only letters, digits and . _ - +</source>
        <translation>{0} : un nom ne peut contenir que des lettres, des chiffres et . _ - +</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: the name is longer than {1} characters.</source>
        <translation>{0} : le nom dépasse {1} caractères.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“label” is the agents&apos; TAG prompt: edit it in the Label tab.</source>
        <translation>« label » est l&apos;invite de TAG des agents : modifiez-la dans l&apos;onglet Libellé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <source>{0} exists already.</source>
        <translation>{0} existe déjà.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>{0} no longer exists.</source>
        <translation>{0} n&apos;existe plus.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} is not a file.</source>
        <translation>{0} n&apos;est pas un fichier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is {0}, above the limit of {1}.</source>
        <translation>Le fichier fait {0}, au-delà de la limite de {1}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refused: {0}</source>
        <translation>Refusé : {0}</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Files agents can fetch at /ocsinventory/deploy/NAME while the DEPLOY option is on, such as ocspackage.exe. Drop files here to upload them.</source>
        <extracomment>An upload finished (also when some files were refused).</extracomment>
        <translation>Fichiers que les agents peuvent récupérer à /ocsinventory/deploy/NOM tant que l&apos;option DEPLOY est active, comme ocspackage.exe. Déposez des fichiers ici pour les envoyer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Upload…</source>
        <translation>Envoyer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download…</source>
        <translation>Télécharger…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Upload cancelled: the files already stored stay.</source>
        <translation>Envoi annulé : les fichiers déjà enregistrés sont conservés.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The upload failed: {0}</source>
        <translation>L&apos;envoi a échoué : {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stored: {0}.</source>
        <translation>Enregistrés : {0}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Replace files</source>
        <translation>Remplacer les fichiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These files exist already; replace them?
{0}</source>
        <translation>Ces fichiers existent déjà ; les remplacer ?
{0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Files for agents</source>
        <translation>Fichiers pour les agents</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{0} saved to {1}.</source>
        <translation>{0} enregistré dans {1}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{0} deleted.</source>
        <translation>{0} supprimé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database refused it: {0}</source>
        <translation>La base de données l&apos;a refusé : {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save {0}</source>
        <translation>Enregistrer {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete file</source>
        <translation>Supprimer le fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete {0}? Agents will no longer be able to fetch it.</source>
        <translation>Supprimer {0} ? Les agents ne pourront plus le récupérer.</translation>
    </message>
</context>
<context>
    <name>BlacklistDialog</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/blacklist_dialog.py" line="+161"/>
        <source>Duplicate blacklists</source>
        <translation>Listes d&apos;exclusion des doublons</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serials and MAC addresses listed here never make machines duplicates: neither here nor in the server&apos;s automatic merge.</source>
        <translation>Les numéros de série et adresses MAC listés ici ne font jamais de machines des doublons : ni ici, ni dans la fusion automatique du serveur.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Serial numbers</source>
        <translation>Numéros de série</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAC addresses</source>
        <translation>Adresses MAC</translation>
    </message>
</context>
<context>
    <name>BlacklistEditor</name>
    <message>
        <location line="-123"/>
        <source>e.g. To Be Filled By O.E.M.</source>
        <extracomment>The list was read (or re-read after a change).</extracomment>
        <translation>p. ex. To Be Filled By O.E.M.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 00:11:22:AA:BB:CC</source>
        <translation>p. ex. 00:11:22:AA:BB:CC</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>{0} blacklisted</source>
        <translation>{0} ajouté à la liste d&apos;exclusion</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n value(s) taken off the blacklist</source>
        <translation>
            <numerusform>%n valeur retirée de la liste d&apos;exclusion</numerusform>
            <numerusform>%n valeurs retirées de la liste d&apos;exclusion</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BuildPage</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/wizard.py" line="-118"/>
        <source>Build</source>
        <translation>Construction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive, cut and record the package. Cancel leaves nothing.</source>
        <translation>Archiver, découper et enregistrer le paquet. Annuler ne laisse rien.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change…</source>
        <translation>Changer…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Build</source>
        <translation>&amp;Construire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel build</source>
        <translation>&amp;Annuler la construction</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>FILEID:</source>
        <translation>FILEID :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digest (MD5):</source>
        <translation>Empreinte (MD5) :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fragments:</source>
        <translation>Fragments :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Packages folder:</source>
        <translation>Dossier des paquets :</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Packages folder</source>
        <translation>Dossier des paquets</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n file(s) or folder(s)</source>
        <translation>
            <numerusform>%n fichier ou dossier</numerusform>
            <numerusform>%n fichiers ou dossiers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the archive {0}</source>
        <translation>l&apos;archive {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no file</source>
        <translation>aucun fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: {1} package for {2}, {3}, priority {4}; {5}</source>
        <translation>{0} : paquet {1} pour {2}, {3}, priorité {4} ; {5}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>none (no file)</source>
        <translation>aucun (pas de fichier)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Built and recorded as package {0}.</source>
        <translation>Construit et enregistré comme paquet {0}.</translation>
    </message>
</context>
<context>
    <name>CertificatesTab</name>
    <message>
        <location filename="../../ocs_desktop/views/admin/certificates_tab.py" line="+44"/>
        <source>folder of ocs-desktop cert init</source>
        <translation>dossier de ocs-desktop cert init</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renew server certificate…</source>
        <translation>Renouveler le certificat du serveur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export cacert.pem…</source>
        <translation>Exporter cacert.pem…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import CA…</source>
        <translation>Importer une AC…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import server certificate…</source>
        <translation>Importer un certificat de serveur…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>After a renewal or an import, restart ocs-desktop serve. Agents keep their cacert.pem as long as the CA stays the same.</source>
        <translation>Après un renouvellement ou une importation, redémarrez ocs-desktop serve. Les agents gardent leur cacert.pem tant que l&apos;AC reste la même.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Certificate folder</source>
        <translation>Dossier des certificats</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>CA</source>
        <translation>AC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The server certificate has expired: agents cannot connect.</source>
        <translation>Le certificat du serveur a expiré : les agents ne peuvent plus se connecter.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Renew server certificate</source>
        <translation>Renouveler le certificat du serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign a new server certificate with the same CA, for the same names? The server uses it after a restart.</source>
        <translation>Signer un nouveau certificat de serveur avec la même AC, pour les mêmes noms ? Le serveur l&apos;utilise après un redémarrage.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Import CA</source>
        <translation>Importer une AC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import server certificate</source>
        <translation>Importer un certificat de serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificates (*.pem *.crt *.cer *.p12 *.pfx);;All (*)</source>
        <translation>Certificats (*.pem *.crt *.cer *.p12 *.pfx);;Tous (*)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>CA imported; give agents the new cacert.pem.</source>
        <translation>AC importée ; donnez aux agents le nouveau cacert.pem.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server certificate imported.</source>
        <translation>Certificat du serveur importé.</translation>
    </message>
    <message>
        <location line="-204"/>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Names</source>
        <translation>Noms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires (UTC)</source>
        <translation>Expire (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days left</source>
        <translation>Jours restants</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SHA-256 fingerprint</source>
        <translation>Empreinte SHA-256</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Certificate folder:</source>
        <translation>Dossier des certificats :</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Choose the folder of ocs-desktop cert init.</source>
        <translation>Choisissez le dossier de ocs-desktop cert init.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No certificate in this folder.</source>
        <translation>Aucun certificat dans ce dossier.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The CA certificate has expired: agents cannot connect.</source>
        <translation>Le certificat de l&apos;AC a expiré : les agents ne peuvent plus se connecter.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server certificate expires in {0} days ({1}): renew it.</source>
        <translation>Le certificat du serveur expire dans {0} jours ({1}) : renouvelez-le.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Server certificate renewed.</source>
        <translation>Certificat du serveur renouvelé.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export cacert.pem</source>
        <translation>Exporter cacert.pem</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PEM files (*.pem)</source>
        <translation>Fichiers PEM (*.pem)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Password of the PKCS#12 file:</source>
        <translation>Mot de passe du fichier PKCS#12 :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Its private key</source>
        <translation>Sa clé privée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys (*.key *.pem);;All (*)</source>
        <translation>Clés (*.key *.pem);;Tous (*)</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>The CA certificate expires in {0} days ({1}): import or create a new CA and give agents its cacert.pem.</source>
        <translation>Le certificat de l&apos;AC expire dans {0} jours ({1}) : importez ou créez une nouvelle AC et donnez son cacert.pem aux agents.</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Refused: {0}</source>
        <translation>Refusé : {0}</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>CA certificate written to {0}</source>
        <translation>Certificat de l&apos;AC écrit dans {0}</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>A warning shows under {0} days left.</source>
        <translation>Un avertissement s&apos;affiche sous {0} jours restants.</translation>
    </message>
</context>
<context>
    <name>ConfigKeys</name>
    <message>
        <location filename="../../ocs_desktop/fleet/config_keys.py" line="+182"/>
        <source>Days between two inventories of an agent; 0 inventories at every contact, -1 never (and then no deployment, IP discovery or registry order is sent either). The agent only asks every PROLOG_FREQ hours: FREQUENCY=1, PROLOG_FREQ=12: the agent asks every ≤12 h and inventories when the last one is older than a day; FREQUENCY=7, PROLOG_FREQ=24: it asks daily and inventories once a week.</source>
        <translation>Jours entre deux inventaires d&apos;un agent ; 0 inventorie à chaque contact, -1 jamais (et alors aucun ordre de déploiement, de découverte IP ni de registre n&apos;est envoyé non plus). L&apos;agent ne se manifeste que toutes les PROLOG_FREQ heures : FREQUENCY=1, PROLOG_FREQ=12 : l&apos;agent demande toutes les ≤12 h et inventorie quand le dernier inventaire a plus d&apos;un jour ; FREQUENCY=7, PROLOG_FREQ=24 : il demande chaque jour et inventorie une fois par semaine.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hours between two contacts (prologs) of an agent; at each contact the server answers with FREQUENCY whether to inventory. FREQUENCY=0, PROLOG_FREQ=24: one inventory a day; FREQUENCY=1, PROLOG_FREQ=12: contacts every ≤12 h, an inventory when the last one is older than a day (so every 24 to 36 h).</source>
        <translation>Heures entre deux contacts (prologs) d&apos;un agent ; à chaque contact, le serveur répond selon FREQUENCY s&apos;il faut inventorier. FREQUENCY=0, PROLOG_FREQ=24 : un inventaire par jour ; FREQUENCY=1, PROLOG_FREQ=12 : un contact toutes les ≤12 h, un inventaire quand le dernier a plus d&apos;un jour (donc toutes les 24 à 36 h).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The agent inventories when its service starts (at boot), besides its schedule.</source>
        <translation>L&apos;agent inventorie au démarrage de son service (au boot), en plus de son calendrier.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Differential inventory: only the sections the agent reports as changed are rewritten.</source>
        <translation>Inventaire différentiel : seules les sections que l&apos;agent signale comme modifiées sont réécrites.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Row-level differential writes: only changed rows of a section are rewritten (less database load, more server work).</source>
        <translation>Écriture différentielle par ligne : seules les lignes modifiées d&apos;une section sont réécrites (moins de charge pour la base, plus de travail pour le serveur).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Write each inventory in one database transaction.</source>
        <translation>Écrire chaque inventaire en une seule transaction de base de données.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep the *_cache tables the console&apos;s searches use up to date.</source>
        <translation>Tenir à jour les tables *_cache qu&apos;utilisent les recherches de la console.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Days after which the inventory cache tables are cleaned.</source>
        <translation>Jours au bout desquels les tables de cache d&apos;inventaire sont nettoyées.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep cache entries whose machines are gone until the next clean-up.</source>
        <translation>Garder les entrées de cache des machines disparues jusqu&apos;au prochain nettoyage.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Accept a TAG change sent by the agent of a known machine (otherwise the database value wins).</source>
        <translation>Accepter un changement de TAG envoyé par l&apos;agent d&apos;une machine connue (sinon la valeur de la base l&apos;emporte).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Package deployment on or off for the whole server. Off, no agent gets any package, whatever is assigned.</source>
        <translation>Déploiement de paquets activé ou non pour tout le serveur. Désactivé, aucun agent ne reçoit de paquet, quelles que soient les affectations.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Seconds the agent waits between two fragments.</source>
        <translation>Secondes d&apos;attente de l&apos;agent entre deux fragments.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Seconds the agent waits between two download cycles.</source>
        <translation>Secondes d&apos;attente de l&apos;agent entre deux cycles de téléchargement.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Seconds the agent waits between two periods.</source>
        <translation>Secondes d&apos;attente de l&apos;agent entre deux périodes.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cycles in a period; a package of priority P is worked on in cycles that are multiples of P.</source>
        <translation>Cycles par période ; un paquet de priorité P est traité aux cycles multiples de P.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Days after which an agent gives a package up (ERR_TIMEOUT).</source>
        <translation>Jours au bout desquels un agent abandonne un paquet (ERR_TIMEOUT).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Minutes a package&apos;s command may run before the agent stops waiting for it.</source>
        <translation>Minutes pendant lesquelles la commande d&apos;un paquet peut s&apos;exécuter avant que l&apos;agent cesse de l&apos;attendre.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Track packages assigned to a group machine by machine (a status per machine).</source>
        <translation>Suivre machine par machine les paquets affectés à un groupe (un statut par machine).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Serve the files for agents (label, agent installers) at /ocsinventory/deploy/.</source>
        <translation>Servir les fichiers pour les agents (label, installeurs d&apos;agent) sur /ocsinventory/deploy/.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Folder of the OCS console&apos;s packages (a download/ folder is added).</source>
        <translation>Dossier des paquets de la console OCS (un dossier download/ y est ajouté).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Default location of info files offered when activating a package (host/path).</source>
        <translation>Emplacement par défaut des fichiers info proposé à l&apos;activation d&apos;un paquet (hôte/chemin).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Default location of fragments offered when activating a package (host/path).</source>
        <translation>Emplacement par défaut des fragments proposé à l&apos;activation d&apos;un paquet (hôte/chemin).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Protocol new packages use to fetch their fragments.</source>
        <translation>Protocole qu&apos;utilisent les nouveaux paquets pour récupérer leurs fragments.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Offer the default fragment location when activating a package.</source>
        <translation>Proposer l&apos;emplacement par défaut des fragments à l&apos;activation d&apos;un paquet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Size ratio used to propose a number of fragments when building a package (0: none).</source>
        <translation>Rapport de taille utilisé pour proposer un nombre de fragments à la construction d&apos;un paquet (0 : aucun).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Activate a package as soon as it is built, with the default locations.</source>
        <translation>Activer un paquet dès sa construction, avec les emplacements par défaut.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Package location on redistribution servers; $IP$ and $NAME$ become the server&apos;s address and name.</source>
        <translation>Emplacement des paquets sur les serveurs de redistribution ; $IP$ et $NAME$ deviennent l&apos;adresse et le nom du serveur.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Folder of the packages on redistribution servers.</source>
        <translation>Dossier des paquets sur les serveurs de redistribution.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>How many agents per subnet are elected to scan it for unknown devices; 0 turns IP discovery off.</source>
        <translation>Nombre d&apos;agents élus par sous-réseau pour y rechercher les appareils inconnus ; 0 désactive la découverte IP.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Milliseconds between two probes of a scanning agent.</source>
        <translation>Millisecondes entre deux sondes d&apos;un agent qui scanne.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An elected agent not seen for this many days is replaced.</source>
        <translation>Un agent élu absent depuis ce nombre de jours est remplacé.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>How much better (days of QUALITY) a candidate must be to replace an elected agent.</source>
        <translation>De combien (jours de QUALITY) un candidat doit être meilleur pour remplacer un agent élu.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Elect agents at once, without waiting for their third contact (not recommended).</source>
        <translation>Élire les agents tout de suite, sans attendre leur troisième contact (déconseillé).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A group whose IP discovery is off keeps its members from being elected.</source>
        <translation>Un groupe dont la découverte IP est désactivée empêche l&apos;élection de ses membres.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Count elected agents per subnet and TAG, and stamp discovered devices with the TAG.</source>
        <translation>Compter les agents élus par sous-réseau et par TAG, et marquer les appareils découverts avec le TAG.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>How elected agents scan (OCS 2.12 agents).</source>
        <translation>Méthode de scan des agents élus (agents OCS 2.12).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bandwidth an ARPSCAN may use.</source>
        <translation>Bande passante qu&apos;un ARPSCAN peut utiliser.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Purge discovered devices not seen for the validity time.</source>
        <translation>Purger les appareils découverts qui n&apos;ont pas été revus pendant la durée de validité.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Days a discovered device stays without being seen again.</source>
        <translation>Jours pendant lesquels un appareil découvert reste sans être revu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Folder of the IP discovery analysis files.</source>
        <translation>Dossier des fichiers d&apos;analyse de la découverte IP.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send the registry queries to Windows agents, which report the values they read.</source>
        <translation>Envoyer les requêtes de registre aux agents Windows, qui renvoient les valeurs lues.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Groups feature on: group packages and settings apply to their members.</source>
        <translation>Fonction groupes activée : les paquets et réglages d&apos;un groupe s&apos;appliquent à ses membres.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Seconds a dynamic group&apos;s member list stays valid before it is computed again.</source>
        <translation>Secondes pendant lesquelles la liste des membres d&apos;un groupe dynamique reste valable avant d&apos;être recalculée.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Random extra delay (up to this many seconds) so groups are not all recomputed at once.</source>
        <translation>Délai aléatoire supplémentaire (jusqu&apos;à ce nombre de secondes) pour que les groupes ne soient pas tous recalculés en même temps.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Criteria that must all match to merge a new machine with an older one, added up: 1 hostname, 2 serial, 4 MAC address, 8 model, 16 UUID, 32 asset tag; 0 never merges. 7 = hostname + serial + MAC.</source>
        <translation>Critères qui doivent tous correspondre pour fusionner une nouvelle machine avec une ancienne, additionnés : 1 nom d&apos;hôte, 2 numéro de série, 4 adresse MAC, 8 modèle, 16 UUID, 32 numéro d&apos;inventaire ; 0 ne fusionne jamais. 7 = nom d&apos;hôte + série + MAC.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Record deleted and merged machines (deleted_equiv), for GLPI synchronisation.</source>
        <translation>Enregistrer les machines supprimées et fusionnées (deleted_equiv), pour la synchronisation GLPI.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Run the prolog filters.</source>
        <translation>Exécuter les filtres de prolog.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run the inventory filters.</source>
        <translation>Exécuter les filtres d&apos;inventaire.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enable the inventory filter system.</source>
        <translation>Activer le système de filtres d&apos;inventaire.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Flood filter: one address may send a new machine only once per period.</source>
        <translation>Filtre anti-inondation : une adresse ne peut envoyer une nouvelle machine qu&apos;une fois par période.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The flood filter&apos;s period.</source>
        <translation>La période du filtre anti-inondation.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refuse an inventory that does not follow a prolog of the same agent.</source>
        <translation>Refuser un inventaire qui ne suit pas un prolog du même agent.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Seconds a prolog session stays valid for its inventory.</source>
        <translation>Secondes pendant lesquelles une session de prolog reste valable pour son inventaire.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Seconds after which old prolog sessions are deleted.</source>
        <translation>Secondes au bout desquelles les anciennes sessions de prolog sont supprimées.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reserved by OCS, unused.</source>
        <translation>Réservé par OCS, inutilisé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Block console logins from an address after too many failed attempts.</source>
        <translation>Bloquer les connexions à la console depuis une adresse après trop d&apos;échecs.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Failed attempts allowed before blocking.</source>
        <translation>Échecs permis avant le blocage.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>How long a blocked address waits.</source>
        <translation>Durée d&apos;attente d&apos;une adresse bloquée.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enforce the password rules below for operators.</source>
        <translation>Imposer aux opérateurs les règles de mot de passe ci-dessous.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Minimum password length.</source>
        <translation>Longueur minimale des mots de passe.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passwords need a digit.</source>
        <translation>Les mots de passe doivent contenir un chiffre.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passwords need an uppercase letter.</source>
        <translation>Les mots de passe doivent contenir une majuscule.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passwords need a special character.</source>
        <translation>Les mots de passe doivent contenir un caractère spécial.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write the server&apos;s activity log (one line per agent request).</source>
        <translation>Écrire le journal d&apos;activité du serveur (une ligne par requête d&apos;agent).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Folder of the console&apos;s log files.</source>
        <translation>Dossier des fichiers journaux de la console.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Folder of the console&apos;s script logs.</source>
        <translation>Dossier des journaux de scripts de la console.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Seconds after which a machine&apos;s lock left by a failed request may be taken again.</source>
        <translation>Secondes au bout desquelles le verrou d&apos;une machine laissé par une requête en échec peut être repris.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cache-Control max age of the files for agents.</source>
        <translation>Durée maximale Cache-Control des fichiers pour les agents.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Also accept agent requests that are gzip-compressed or not compressed.</source>
        <translation>Accepter aussi les requêtes d&apos;agent compressées en gzip ou non compressées.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deprecated agent self-update.</source>
        <translation>Mise à jour automatique des agents (obsolète).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Also save each inventory as a file (for a higher-level server).</source>
        <translation>Enregistrer aussi chaque inventaire dans un fichier (pour un serveur de niveau supérieur).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Those files compressed as the agent sent them (OCS) or as plain XML.</source>
        <translation>Ces fichiers compressés tels que l&apos;agent les a envoyés (OCS) ou en XML en clair.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder of those files (must be writable).</source>
        <translation>Dossier de ces fichiers (accessible en écriture).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Overwrite a machine&apos;s file instead of keeping every inventory.</source>
        <translation>Écraser le fichier d&apos;une machine au lieu de garder chaque inventaire.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Address of the server for the web service plugins.</source>
        <translation>Adresse du serveur pour les plugins de services web.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send SNMP scan orders to agents (over HTTPS).</source>
        <translation>Envoyer les ordres de scan SNMP aux agents (en HTTPS).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Differential writes of SNMP inventories.</source>
        <translation>Écritures différentielles des inventaires SNMP.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stamp SNMP devices with the TAG of the agent that scanned them.</source>
        <translation>Marquer les appareils SNMP avec le TAG de l&apos;agent qui les a scannés.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>How agents find SNMP devices.</source>
        <translation>Méthode des agents pour trouver les appareils SNMP.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Days without contact after which the console shows a machine as late.</source>
        <translation>Jours sans contact après lesquels la console montre une machine comme en retard.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The OCS console warns when a new version is available.</source>
        <translation>La console OCS prévient quand une nouvelle version est disponible.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>UDP ports of Wake-on-LAN packets.</source>
        <translation>Ports UDP des paquets Wake-on-LAN.</translation>
    </message>
    <message>
        <location line="-848"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory</source>
        <translation>Inventaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deployment</source>
        <translation>Déploiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IP discovery</source>
        <translation>Découverte IP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registry</source>
        <translation>Registre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security/filters</source>
        <translation>Sécurité/filtres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logs</source>
        <translation>Journaux</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>milliseconds</source>
        <translation>millisecondes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cycles</source>
        <translation>cycles</translation>
    </message>
    <message>
        <location line="+474"/>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <location line="-466"/>
        <source>{0} is not a configuration key</source>
        <extracomment>The switches the console puts first (&quot;Activations&quot;), then the frequencies. Error messages of :class:`ConfigValueError`, by code; ``{0}`` is the key, then the args.</extracomment>
        <translation>{0} n&apos;est pas une clé de configuration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: {1!r} is not a whole number</source>
        <translation>{0} : {1!r} n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: {1} is below the minimum {2}</source>
        <translation>{0} : {1} est inférieur au minimum {2}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: {1} is above the maximum {2}</source>
        <translation>{0} : {1} est supérieur au maximum {2}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: {1!r} must be 0 (off) or 1 (on)</source>
        <translation>{0} : {1!r} doit valoir 0 (désactivé) ou 1 (activé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: {1!r} is not one of {2}</source>
        <translation>{0} : {1!r} n&apos;est pas l&apos;une des valeurs {2}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: the text is longer than {1} characters</source>
        <translation>{0} : le texte dépasse {1} caractères</translation>
    </message>
    <message>
        <location filename="../../ocs_desktop/fleet/overrides.py" line="+34"/>
        <source>machine</source>
        <translation>machine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>group</source>
        <translation>groupe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server</source>
        <translation>serveur</translation>
    </message>
</context>
<context>
    <name>ConfigTab</name>
    <message>
        <location filename="../../ocs_desktop/views/admin/config_tab.py" line="+196"/>
        <source>Activations</source>
        <translation>Activations</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Frequencies</source>
        <extracomment>The values arrived from the database. Apply wrote its changes (their count).</extracomment>
        <translation>Fréquences</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Revert</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message numerus="yes">
        <location line="+121"/>
        <source>%n key(s) saved</source>
        <translation>
            <numerusform>%n clé enregistrée</numerusform>
            <numerusform>%n clés enregistrées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ocs_desktop/views/connect_dialog.py" line="+69"/>
        <source>Connect to an OCS database</source>
        <translation>Connexion à une base OCS</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>New…</source>
        <translation>Nouveau…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remember the password in the keyring</source>
        <translation>Mémoriser le mot de passe dans le trousseau</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Create the OCS tables</source>
        <translation>Créer les tables OCS</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This database holds no machine yet. Import the sample inventories shipped with OCS Desktop (a real Linux agent&apos;s first inventory and its update) to look around?</source>
        <translation>Cette base ne contient encore aucune machine. Importer les inventaires d&apos;exemple fournis avec OCS Desktop (le premier inventaire d&apos;un véritable agent Linux et sa mise à jour) pour découvrir la console ?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import the samples</source>
        <translation>Importer les exemples</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start empty</source>
        <translation>Commencer à vide</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Embedded database</source>
        <translation>Base intégrée</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Delete profile</source>
        <translation>Supprimer le profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the profile {0}? The database itself is not touched.</source>
        <translation>Supprimer le profil {0} ? La base elle-même n&apos;est pas modifiée.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>SQLite database on this computer:
{0}</source>
        <translation>Base SQLite sur cet ordinateur :
{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MySQL/MariaDB server {0}, port {1}
Database: {2}
User: {3}
TLS: {4}</source>
        <translation>Serveur MySQL/MariaDB {0}, port {1}
Base : {2}
Utilisateur : {3}
TLS : {4}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The password is kept in the system keyring.</source>
        <translation>Le mot de passe est conservé dans le trousseau du système.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No system keyring is available: the password is asked each time.</source>
        <translation>Aucun trousseau système n&apos;est disponible : le mot de passe est demandé à chaque fois.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Connecting to {0}…</source>
        <translation>Connexion à {0}…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot connect: {0}</source>
        <translation>Connexion impossible : {0}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This database cannot be used as it is: it lacks tables or columns the console needs. The check found:</source>
        <translation>Cette base ne peut pas être utilisée telle quelle : il lui manque des tables ou des colonnes nécessaires à la console. La vérification a trouvé :</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Connected.</source>
        <translation>Connecté.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Creating the OCS tables…</source>
        <translation>Création des tables OCS…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Importing the sample inventories…</source>
        <translation>Import des inventaires d&apos;exemple…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The samples could not be imported: {0}</source>
        <translation>Les exemples n&apos;ont pas pu être importés : {0}</translation>
    </message>
    <message>
        <source>Open SQLite file…</source>
        <translation>Ouvrir un fichier SQLite…</translation>
    </message>
    <message>
        <source>Add an existing SQLite ocsweb database file as a profile and connect to it</source>
        <translation>Ajouter un fichier de base SQLite ocsweb existant comme profil et s'y connecter</translation>
    </message>
    <message>
        <source>Open SQLite file</source>
        <translation>Ouvrir un fichier SQLite</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>Bases SQLite (*.sqlite *.sqlite3 *.db);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>CriterionRow</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/search_page.py" line="+181"/>
        <source>not</source>
        <extracomment>Admin fields offered after TAG (read from the database by the page).</extracomment>
        <translation>non</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the machines having no such row</source>
        <translation>Garder les machines n&apos;ayant aucune ligne de ce type</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove this criterion</source>
        <translation>Retirer ce critère</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{table}: {column}</source>
        <translation>{table} : {column}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>before</source>
        <translation>avant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>after</source>
        <translation>après</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>equals</source>
        <translation>est égal à</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>does not equal</source>
        <translation>est différent de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains</source>
        <translation>contient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>does not contain</source>
        <translation>ne contient pas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>starts with</source>
        <translation>commence par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ends with</source>
        <translation>se termine par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>less than</source>
        <translation>inférieur à</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>greater than</source>
        <translation>supérieur à</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not empty</source>
        <translation>n&apos;est pas vide</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text (any case)</source>
        <translation>texte (majuscules ou minuscules)</translation>
    </message>
    <message>
        <source>a date: {0} or YYYY-MM-DD</source>
        <translation>une date : {0} ou AAAA-MM-JJ</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Operating systems</source>
        <translation>Systèmes d&apos;exploitation</translation>
    </message>
    <message>
        <source>Last inventory</source>
        <translation>Dernier inventaire</translation>
    </message>
    <message>
        <source>Agent versions</source>
        <translation>Versions d&apos;agent</translation>
    </message>
    <message>
        <source>Manufacturers and models</source>
        <translation>Fabricants et modèles</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Free space on the fullest drive</source>
        <translation>Espace libre du disque le plus plein</translation>
    </message>
    <message>
        <source>Top software (installs)</source>
        <translation>Logiciels les plus installés (installations)</translation>
    </message>
    <message>
        <source>Deployment outcomes (machines)</source>
        <translation>Résultats des déploiements (machines)</translation>
    </message>
    <message>
        <source>Inventories per day (last 30 days)</source>
        <translation>Inventaires par jour (30 derniers jours)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Click a bar, or Tab to a chart and press Enter, to list its machines.</source>
        <translation>Cliquez sur une barre, ou atteignez un graphique avec Tab et appuyez sur Entrée, pour lister ses machines.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>1–7 days</source>
        <translation>1 à 7 jours</translation>
    </message>
    <message>
        <source>7–30 days</source>
        <translation>7 à 30 jours</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Plus ancien</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>&lt; 4 GiB</source>
        <translation>&lt; 4 Gio</translation>
    </message>
    <message>
        <source>4–8 GiB</source>
        <translation>4 à 8 Gio</translation>
    </message>
    <message>
        <source>8–16 GiB</source>
        <translation>8 à 16 Gio</translation>
    </message>
    <message>
        <source>16–32 GiB</source>
        <translation>16 à 32 Gio</translation>
    </message>
    <message>
        <source>≥ 32 GiB</source>
        <translation>≥ 32 Gio</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>&lt; 10 % free</source>
        <translation>&lt; 10 % libre</translation>
    </message>
    <message>
        <source>10–20 % free</source>
        <translation>10 à 20 % libre</translation>
    </message>
    <message>
        <source>≥ 20 % free</source>
        <translation>≥ 20 % libre</translation>
    </message>
    <message>
        <source>No drive data</source>
        <translation>Aucun disque mesuré</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>Notifié</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Succès</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>{chart}: {bar}</source>
        <translation>{chart} : {bar}</translation>
    </message>
    <message numerus="yes">
        <source>%n install(s)</source>
        <translation>
            <numerusform>%n installation</numerusform>
            <numerusform>%n installations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>{percent} % of {total}</source>
        <translation>{percent} % de {total}</translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s)</source>
        <translation>
            <numerusform>%n machine</numerusform>
            <numerusform>%n machines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DefaultLoginBanner</name>
    <message>
        <location filename="../../ocs_desktop/views/default_login_banner.py" line="+32"/>
        <source>The operator “admin” still has the password “admin”: anyone on the network who knows OCS can publish packages to every machine. Change it now: ocs-desktop operator passwd admin --db DATABASE</source>
        <translation>L’opérateur « admin » a toujours le mot de passe « admin » : n’importe qui sur le réseau connaissant OCS peut publier des paquets vers toutes les machines. Changez-le maintenant : ocs-desktop operator passwd admin --db BASE</translation>
    </message>
</context>
<context>
    <name>Deployment</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/models.py" line="+53"/>
        <location line="+9"/>
        <source>Waiting</source>
        <extracomment>The package&apos;s FILEID (str) of any cell of the package list. The whole row object (``PackageSummary``, ``MachineState``…) of any cell. The value a column sorts by (numbers stay numbers). A machine&apos;s ``hardware.ID`` in the status and target lists. Bar and text colours of the four status buckets.</extracomment>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Notified</source>
        <translation>Notifié</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Success</source>
        <translation>Succès</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location filename="../../ocs_desktop/views/deployment/status_panel.py" line="+56"/>
        <source>Machines by status</source>
        <translation>Machines par état</translation>
    </message>
</context>
<context>
    <name>DeploymentPage</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/page.py" line="+124"/>
        <source>&amp;New package…</source>
        <extracomment>The package list arrived. The selected package&apos;s status arrived. The status CSV export finished: rows written, path.</extracomment>
        <translation>&amp;Nouveau paquet…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Build a package with the wizard</source>
        <translation>Construire un paquet avec l&apos;assistant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Activate…</source>
        <translation>&amp;Activer…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Publish and activate the package</source>
        <translation>Publier et activer le paquet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&amp;ssign…</source>
        <translation>A&amp;ffecter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deploy the package to machines or groups</source>
        <translation>Déployer le paquet sur des machines ou des groupes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Unassign</source>
        <translation>&amp;Désaffecter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop deploying to the selected machines (or to every target)</source>
        <translation>Arrêter le déploiement sur les machines sélectionnées (ou sur toutes les cibles)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Retry failed</source>
        <translation>&amp;Relancer les échecs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put machines whose deployment failed back to waiting</source>
        <translation>Remettre en attente les machines dont le déploiement a échoué</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the package and its files</source>
        <translation>Supprimer le paquet et ses fichiers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport status CSV…</source>
        <translation>E&amp;xporter les états en CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the machines shown below</source>
        <translation>Exporter les machines affichées ci-dessous</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Activate package {0}</source>
        <translation>Activer le paquet {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Assign package {0}</source>
        <translation>Affecter le paquet {0}</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Package {0} assigned to %n machine(s)</source>
        <translation>
            <numerusform>Paquet {0} affecté à %n machine</numerusform>
            <numerusform>Paquet {0} affecté à %n machines</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unassign package</source>
        <translation>Désaffecter le paquet</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n assignment row(s) removed</source>
        <translation>
            <numerusform>%n ligne d&apos;affectation supprimée</numerusform>
            <numerusform>%n lignes d&apos;affectation supprimées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n machine(s) will retry</source>
        <translation>
            <numerusform>%n machine va réessayer</numerusform>
            <numerusform>%n machines vont réessayer</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete package</source>
        <translation>Supprimer le paquet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete {0} ({1})? Its activations and assignments are removed, and its files in the packages folder and the download folder.</source>
        <translation>Supprimer {0} ({1}) ? Ses activations et affectations sont supprimées, ainsi que ses fichiers dans le dossier des paquets et le dossier de téléchargement.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Package {0} deleted</source>
        <translation>Paquet {0} supprimé</translation>
    </message>
    <message>
        <source>Stop deploying {0} to all its {1} and {2}?</source>
        <translation>Arrêter le déploiement de {0} sur ses {1} et ses {2} ?</translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s)</source>
        <translation>
            <numerusform>%n machine</numerusform>
            <numerusform>%n machines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n groupe</numerusform>
            <numerusform>%n groupes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DownloadWarning</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/download_warning.py" line="+40"/>
        <source>Turn deployment on</source>
        <extracomment>The check finished (the bar shown or hidden).</extracomment>
        <translation>Activer le déploiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set DOWNLOAD=1 in the server&apos;s configuration</source>
        <translation>Mettre DOWNLOAD=1 dans la configuration du serveur</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Deployment is off for the whole server (DOWNLOAD=0): agents are told not to install anything, whatever is assigned.</source>
        <translation>Le déploiement est désactivé pour tout le serveur (DOWNLOAD=0) : les agents n&apos;installent rien, quelles que soient les affectations.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Deployment is switched off for %n machine(s) of this package (DOWNLOAD_SWITCH of the machine or one of its groups).</source>
        <translation>
            <numerusform>Le déploiement est désactivé pour %n machine de ce paquet (DOWNLOAD_SWITCH de la machine ou d&apos;un de ses groupes).</numerusform>
            <numerusform>Le déploiement est désactivé pour %n machines de ce paquet (DOWNLOAD_SWITCH de la machine ou d&apos;un de ses groupes).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Deployment turned on (DOWNLOAD=1)</source>
        <translation>Déploiement activé (DOWNLOAD=1)</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/files.py" line="+201"/>
        <source>Drop files or folders here</source>
        <translation>Déposez des fichiers ou des dossiers ici</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/duplicates_text.py" line="+21"/>
        <source>Hostname</source>
        <translation>Nom d&apos;hôte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial number</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAC address</source>
        <translation>Adresse MAC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hostname + serial</source>
        <translation>Nom d&apos;hôte + numéro de série</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hostname + MAC</source>
        <translation>Nom d&apos;hôte + MAC</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MAC + serial</source>
        <translation>MAC + numéro de série</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>hostname</source>
        <translation>nom d&apos;hôte</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>serial</source>
        <translation>numéro de série</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+10"/>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Machine record</source>
        <translation>Fiche de la machine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TAG and admin fields</source>
        <translation>TAG et données administratives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings and package statuses</source>
        <translation>Paramètres et statuts des paquets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group memberships</source>
        <translation>Appartenances aux groupes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inventory: {0}</source>
        <translation>Inventaire : {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type a value to blacklist.</source>
        <translation>Saisissez une valeur à exclure.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A {0} is at most 255 characters.</source>
        <translation>Un {0} fait au plus 255 caractères.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The {0} contains control characters.</source>
        <translation>Le {0} contient des caractères de contrôle.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} is not a MAC address (six hex pairs, e.g. 00:11:22:AA:BB:CC).</source>
        <translation>{0} n&apos;est pas une adresse MAC (six paires hexadécimales, p. ex. 00:11:22:AA:BB:CC).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} is already blacklisted.</source>
        <translation>{0} est déjà dans la liste d&apos;exclusion.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} is not blacklisted.</source>
        <translation>{0} n&apos;est pas dans la liste d&apos;exclusion.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not changed: {0}</source>
        <translation>Rien n&apos;a changé : {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The machines changed since this plan was made. Check the new plan and confirm again.</source>
        <translation>Les machines ont changé depuis que ce plan a été établi. Vérifiez le nouveau plan et confirmez à nouveau.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The machines are no longer all there, or one of them is a group: nothing was merged.</source>
        <translation>Les machines ne sont plus toutes là, ou l&apos;une d&apos;elles est un groupe : rien n&apos;a été fusionné.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another writer (an inventory arriving?) holds one of these machines: nothing was merged. Try again in a moment.</source>
        <translation>Un autre programme (un inventaire qui arrive ?) écrit sur l&apos;une de ces machines : rien n&apos;a été fusionné. Réessayez dans un instant.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One of these machines no longer exists: refresh the list.</source>
        <translation>L&apos;une de ces machines n&apos;existe plus : actualisez la liste.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select at least two machines to merge.</source>
        <translation>Sélectionnez au moins deux machines à fusionner.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Groups cannot be merged, only machines.</source>
        <translation>Les groupes ne peuvent pas être fusionnés, seulement les machines.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was merged: {0}</source>
        <translation>Rien n&apos;a été fusionné : {0}</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/duplicates_page.py" line="+60"/>
        <source>All criteria</source>
        <extracomment>The sets arrived and are shown.</extracomment>
        <translation>Tous les critères</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show ignored sets</source>
        <translation>Afficher les ensembles ignorés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Blacklists…</source>
        <translation>&amp;Listes d&apos;exclusion…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Criterion:</source>
        <translation>&amp;Critère :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+182"/>
        <source>Select a set to see why its machines look alike.</source>
        <translation>Sélectionnez un ensemble pour voir pourquoi ses machines se ressemblent.</translation>
    </message>
    <message>
        <location line="-164"/>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionner…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge the checked machines into the one heard from last</source>
        <translation>Fusionner les machines cochées dans celle qui s&apos;est manifestée en dernier</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+195"/>
        <source>These are &amp;not duplicates</source>
        <translation>Ce ne sont &amp;pas des doublons</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Looking for duplicates…</source>
        <translation>Recherche des doublons…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search cancelled.</source>
        <translation>Recherche annulée.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Duplicates not found: {0}</source>
        <translation>Doublons non recherchés : {0}</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n set(s)</source>
        <translation>
            <numerusform>%n ensemble</numerusform>
            <numerusform>%n ensembles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n ignored set(s) hidden</source>
        <translation>
            <numerusform>%n ensemble ignoré masqué</numerusform>
            <numerusform>%n ensembles ignorés masqués</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n shared value(s) excluded by the blacklists: they never make duplicates.</source>
        <translation>
            <numerusform>%n valeur partagée exclue par les listes d&apos;exclusion : elle ne fait jamais de doublons.</numerusform>
            <numerusform>%n valeurs partagées exclues par les listes d&apos;exclusion : elles ne font jamais de doublons.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n machine(s) share {0}. Newest first: a merge of the checked machines keeps the first one.</source>
        <translation>
            <numerusform>%n machine partage {0}. La plus récente d&apos;abord : une fusion des machines cochées garde la première.</numerusform>
            <numerusform>%n machines partagent {0}. La plus récente d&apos;abord : une fusion des machines cochées garde la première.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;i&gt;Marked as not duplicates.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Marqué comme n&apos;étant pas des doublons.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Show this set again</source>
        <translation>&amp;Afficher à nouveau cet ensemble</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The set is listed again.</source>
        <translation>L&apos;ensemble est de nouveau listé.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Set hidden until its machines change. Show ignored sets to undo.</source>
        <translation>Ensemble masqué jusqu&apos;à ce que ses machines changent. Affichez les ensembles ignorés pour annuler.</translation>
    </message>
</context>
<context>
    <name>FieldDialog</name>
    <message>
        <location filename="../../ocs_desktop/views/admin/admin_fields_tab.py" line="-304"/>
        <source>New admin field</source>
        <translation>Nouveau champ administratif</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Letters A-Z and digits; stored in capitals</source>
        <translation>Lettres A-Z et chiffres ; enregistré en majuscules</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>FilesModel</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/files.py" line="-104"/>
        <source>Name</source>
        <extracomment>The chosen item&apos;s path (``Path``) of any cell. Files or folders were dropped on the list. The total size changed (or became known). However a file manager offers them, the files are only read.</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/choice_pages.py" line="+59"/>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop the files and folders to deploy, or choose them. A folder keeps its name.</source>
        <translation>Déposez les fichiers et dossiers à déployer, ou choisissez-les. Un dossier garde son nom.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Add &amp;files…</source>
        <translation>Ajouter des &amp;fichiers…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add f&amp;older…</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use existing &amp;archive…</source>
        <translation>Utiliser une &amp;archive existante…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;No file (command only)</source>
        <translation>&amp;Aucun fichier (commande seule)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{0} is not a zip or tar.gz archive.</source>
        <translation>{0} n&apos;est pas une archive zip ou tar.gz.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add files</source>
        <translation>Ajouter des fichiers</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a folder</source>
        <translation>Ajouter un dossier</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use an existing archive</source>
        <translation>Utiliser une archive existante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archives (*.zip *.tar.gz *.tgz);;All files (*)</source>
        <translation>Archives (*.zip *.tar.gz *.tgz);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No file: the package is a command alone (execute only).</source>
        <translation>Aucun fichier : le paquet n&apos;est qu&apos;une commande (exécution seule).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready-made {0} archive, used as is: {1}.</source>
        <translation>Archive {0} toute prête, utilisée telle quelle : {1}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing chosen yet.</source>
        <translation>Rien n&apos;est encore choisi.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n item(s), {0} in all.</source>
        <translation>
            <numerusform>%n élément, {0} au total.</numerusform>
            <numerusform>%n éléments, {0} au total.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/groups_page.py" line="+58"/>
        <source>Name</source>
        <extracomment>At most this many members are listed in the &quot;Remove members&quot; dialog. The cache-age column is re-rendered this often (ms) so &quot;5 min ago&quot; stays true.</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computed</source>
        <translation>Calculé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>il y a %n min</numerusform>
            <numerusform>il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>il y a %n h</numerusform>
            <numerusform>il y a %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Dynamic</source>
        <translation>Dynamique</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Static</source>
        <translation>Statique</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Drop machines here to add them to this group.</source>
        <translation>Déposez des machines ici pour les ajouter à ce groupe.</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <location line="+116"/>
        <source>New static group…</source>
        <extracomment>Asks the main window for the search page, with a dynamic group&apos;s Search or None.</extracomment>
        <translation>Nouveau groupe statique…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New dynamic group from search…</source>
        <translation>Nouveau groupe dynamique depuis une recherche…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recompute now</source>
        <translation>Recalculer maintenant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open search</source>
        <translation>Ouvrir la recherche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show members</source>
        <translation>Afficher les membres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove members…</source>
        <translation>Retirer des membres…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Drag machines from a machines list onto a static group to add them.</source>
        <translation>Glissez des machines depuis une liste de machines sur un groupe statique pour les y ajouter.</translation>
    </message>
    <message numerus="yes">
        <location line="+81"/>
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n groupe</numerusform>
            <numerusform>%n groupes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Static group: members are added and removed by hand.</source>
        <translation>Groupe statique : les membres sont ajoutés et retirés à la main.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dynamic group defined in the OCS web console: the OCS server recomputes it.</source>
        <translation>Groupe dynamique défini dans la console web OCS : le serveur OCS le recalcule.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search: {0}</source>
        <translation>Recherche : {0}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Group: {0}</source>
        <translation>Groupe : {0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New static group</source>
        <translation>Nouveau groupe statique</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Group name:</source>
        <translation>Nom du groupe :</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rename group</source>
        <translation>Renommer le groupe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name:</source>
        <translation>Nouveau nom :</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete group</source>
        <translation>Supprimer le groupe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the group {name}? Its {count} machines stay in the inventory; packages assigned to the group are no longer assigned through it.</source>
        <translation>Supprimer le groupe {name} ? Ses {count} machines restent dans l&apos;inventaire ; les paquets affectés au groupe ne le sont plus par son intermédiaire.</translation>
    </message>
</context>
<context>
    <name>InventoryImport</name>
    <message>
        <location filename="../../ocs_desktop/views/importing.py" line="+83"/>
        <source>Import cancelled; the files already imported are kept.</source>
        <translation>Import annulé ; les fichiers déjà importés sont conservés.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Imported %n file(s):</source>
        <translation>
            <numerusform>%n fichier importé :</numerusform>
            <numerusform>%n fichiers importés :</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} new, {1} updated, {2} failed.</source>
        <translation>{0} nouveau(x), {1} mis à jour, {2} en échec.</translation>
    </message>
</context>
<context>
    <name>KeyEditor</name>
    <message>
        <location filename="../../ocs_desktop/views/admin/config_tab.py" line="-232"/>
        <source>On</source>
        <translation>Activé</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Default</source>
        <translation>Défaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the OCS default in the editor</source>
        <translation>Mettre la valeur par défaut d&apos;OCS dans l&apos;éditeur</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default {0}</source>
        <translation>défaut {0}</translation>
    </message>
</context>
<context>
    <name>LabelTab</name>
    <message>
        <location filename="../../ocs_desktop/views/admin/label_tab.py" line="+36"/>
        <source>The label contains control characters.</source>
        <extracomment>Bytes shown in the preview&apos;s hexadecimal line; the rest is counted.</extracomment>
        <translation>Le libellé contient des caractères de contrôle.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The label is at most {0} characters.</source>
        <translation>Le libellé fait au plus {0} caractères.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The label was refused ({0}).</source>
        <translation>Le libellé a été refusé ({0}).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>On its first run, the Windows agent asks the user for its TAG with this text. Tabs and line breaks are removed; an empty label makes agents use their own prompt.</source>
        <translation>À son premier lancement, l&apos;agent Windows demande son TAG à l&apos;utilisateur avec ce texte. Les tabulations et retours à la ligne sont retirés ; avec un libellé vide, les agents utilisent leur propre invite.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. Your office number (building-floor-room):</source>
        <translation>par ex. Votre numéro de bureau (bâtiment-étage-pièce) :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the label</source>
        <translation>Supprimer le libellé</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What a Windows agent asking now receives</source>
        <translation>Ce que reçoit maintenant un agent Windows qui le demande</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The agent&apos;s prompt:</source>
        <translation>L&apos;invite de l&apos;agent :</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>(empty: the label is removed)</source>
        <translation>(vide : le libellé est supprimé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Will be saved as: {0}</source>
        <translation>Sera enregistré ainsi : {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>HTTP 200, {0} bytes: the agent shows the label.</source>
        <translation>HTTP 200, {0} octets : l&apos;agent affiche le libellé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HTTP 403: the DEPLOY option is off in the configuration, so the agent gets no label and shows its own prompt.</source>
        <translation>HTTP 403 : l&apos;option DEPLOY est désactivée dans la configuration, l&apos;agent ne reçoit donc aucun libellé et affiche sa propre invite.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HTTP 400: there is no label; the agent shows its own prompt.</source>
        <translation>HTTP 400 : il n&apos;y a pas de libellé ; l&apos;agent affiche sa propre invite.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Label saved.</source>
        <translation>Libellé enregistré.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label removed.</source>
        <translation>Libellé supprimé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database refused the change: {0}</source>
        <translation>La base de données a refusé la modification : {0}</translation>
    </message>
</context>
<context>
    <name>MachineDetailPane</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/machine_detail_pane.py" line="+136"/>
        <location line="+93"/>
        <source>No machine selected</source>
        <extracomment>The machine shown was deleted from this pane. A machine&apos;s detail arrived (or None: the machine no longer exists).</extracomment>
        <translation>Aucune machine sélectionnée</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Delete machine…</source>
        <translation>Supprimer la machine…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This machine no longer exists</source>
        <translation>Cette machine n&apos;existe plus</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Not saved: {0}</source>
        <translation>Non enregistré : {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Administrative data saved</source>
        <translation>Données administratives enregistrées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Delete machine</source>
        <translation>Supprimer la machine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete {0} and all its inventory? This cannot be undone.</source>
        <translation>Supprimer {0} et tout son inventaire ? Cette action est irréversible.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} deleted</source>
        <translation>{0} supprimée</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save this machine's whole inventory as CSV or JSON</source>
        <translation>Enregistrer tout l'inventaire de cette machine en CSV ou JSON</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <source>Show all fields</source>
        <translation>Afficher tous les champs</translation>
    </message>
    <message>
        <source>Also show the bookkeeping columns (checksums, states, device ID…)</source>
        <translation>Afficher aussi les colonnes internes (sommes de contrôle, états, identifiant d'appareil…)</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Copier la valeur</translation>
    </message>
    <message>
        <source>Copy row</source>
        <translation>Copier la ligne</translation>
    </message>
    <message>
        <source>Export machine</source>
        <translation>Exporter la machine</translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Not exported: {0}</source>
        <translation>Non exporté : {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to {0}</source>
        <translation>
            <numerusform>%n ligne exportée dans {0}</numerusform>
            <numerusform>%n lignes exportées dans {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MachineOverrides</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/machine_overrides.py" line="+36"/>
        <source>Settings sent to this agent</source>
        <extracomment>The values of a machine arrived.</extracomment>
        <translation>Réglages envoyés à cet agent</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A machine&apos;s own value wins, then its groups&apos;, then the server&apos;s configuration.</source>
        <translation>La valeur propre à la machine l&apos;emporte, puis celle de ses groupes, puis la configuration du serveur.</translation>
    </message>
</context>
<context>
    <name>ColumnPicker</name>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Search columns</source>
        <translation>Rechercher une colonne</translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation>Colonnes par défaut</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) shown</source>
        <translation>
            <numerusform>%n colonne affichée</numerusform>
            <numerusform>%n colonnes affichées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MachinesPage</name>
    <message>
        <source>Columns…</source>
        <translation>Colonnes…</translation>
    </message>
    <message>
        <source>Choose the columns of the list</source>
        <translation>Choisir les colonnes de la liste</translation>
    </message>
    <message>
        <source>Choose columns…</source>
        <translation>Choisir les colonnes…</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>Matériel</translation>
    </message>
    <message>
        <source>BIOS</source>
        <translation>BIOS</translation>
    </message>
    <message>
        <location filename="../../ocs_desktop/views/fleet/machines_page.py" line="+73"/>
        <source>Quick filter: name, IP, user, serial, TAG</source>
        <extracomment>The CSV export finished: rows written, path.</extracomment>
        <translation>Filtre rapide : nom, IP, utilisateur, numéro de série, TAG</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Clear filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export to CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Showing: {0}</source>
        <translation>Affichage : {0}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n machine(s)</source>
        <translation>
            <numerusform>%n machine</numerusform>
            <numerusform>%n machines</numerusform>
        </translation>
    </message>
    <message>
        <location line="+329"/>
        <source>Admin fields</source>
        <translation>Champs administratifs</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Export machines</source>
        <translation>Exporter les machines</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Exporting machines to {0}…</source>
        <translation>Export des machines vers {0}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n machine(s) exported to {0}</source>
        <translation>
            <numerusform>%n machine exportée vers {0}</numerusform>
            <numerusform>%n machines exportées vers {0}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Default columns</source>
        <translation>Colonnes par défaut</translation>
    </message>
    <message>
        <location line="-331"/>
        <source>&amp;Merge as duplicates…</source>
        <translation>&amp;Fusionner comme doublons…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ocs_desktop/views/main_window.py" line="+106"/>
        <source>Tagging rules</source>
        <translation>Règles d&apos;étiquetage</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>OCS Desktop — {0}</source>
        <extracomment>File &gt; Connect… was chosen: the application opens the connect dialog.</extracomment>
        <translation>OCS Desktop — {0}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Machine detail</source>
        <translation>Détail de la machine</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>All machines</source>
        <translation>Toutes les machines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Étiquettes (TAG)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Software</source>
        <translation>Logiciels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deployment</source>
        <translation>Déploiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Arrives with a later release.</source>
        <translation>Arrive avec une prochaine version.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>&amp;Connect…</source>
        <translation>Se &amp;connecter…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import inventories…</source>
        <translation>&amp;Importer des inventaires…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Machine &amp;detail</source>
        <translation>&amp;Détail de la machine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About OCS Desktop</source>
        <translation>À &amp;propos d&apos;OCS Desktop</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Connected to {0}</source>
        <translation>Connecté à {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Error: {0}</source>
        <translation>Erreur : {0}</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+22"/>
        <location line="+31"/>
        <source>Import inventories</source>
        <translation>Importer des inventaires</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>OCS inventories (*.ocs *.xml);;All files (*)</source>
        <translation>Inventaires OCS (*.ocs *.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No inventory files found.</source>
        <translation>Aucun fichier d&apos;inventaire trouvé.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Importing %n inventory file(s)…</source>
        <translation>
            <numerusform>Import de %n fichier d&apos;inventaire…</numerusform>
            <numerusform>Import de %n fichiers d&apos;inventaire…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The language will change the next time OCS Desktop starts.</source>
        <translation>La langue changera au prochain démarrage d&apos;OCS Desktop.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About OCS Desktop</source>
        <translation>À propos d&apos;OCS Desktop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;OCS Desktop {0}&lt;/h3&gt;&lt;p&gt;An OCS Inventory NG compatible inventory console.&lt;/p&gt;&lt;p&gt;Connected to {1}&lt;/p&gt;&lt;p&gt;Licence: GPL-2.0-or-later&lt;/p&gt;</source>
        <translation>&lt;h3&gt;OCS Desktop {0}&lt;/h3&gt;&lt;p&gt;Une console d&apos;inventaire compatible OCS Inventory NG.&lt;/p&gt;&lt;p&gt;Connecté à {1}&lt;/p&gt;&lt;p&gt;Licence : GPL-2.0-or-later&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="-322"/>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <source>Agent installers</source>
        <translation>Installateurs d&apos;agent</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/merge_dialog.py" line="+87"/>
        <source>Merge duplicates</source>
        <extracomment>What a refused plan or merge comes back as from the worker: its exception, to be translated here (the worker&apos;s ``failed`` would carry only its English text). The plan arrived (or was refused): the dialog shows it. The machines were merged: the :class:`MergeOutcome`.</extracomment>
        <translation>Fusionner des doublons</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the plan of the merge…</source>
        <translation>Lecture du plan de la fusion…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The machine heard from last survives. Its settings and static groups come from the oldest machine, its TAG and admin fields from the one that has them filled in; every comment is kept.</source>
        <translation>La machine qui s&apos;est manifestée en dernier est conservée. Ses paramètres et groupes statiques viennent de la plus ancienne, son TAG et ses données administratives de celle qui les a renseignés ; tous les commentaires sont gardés.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+105"/>
        <source>A merge cannot be undone.</source>
        <translation>Une fusion ne peut pas être annulée.</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>These machines cannot be merged.</source>
        <translation>Ces machines ne peuvent pas être fusionnées.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing was merged: {0}</source>
        <translation>Rien n&apos;a été fusionné : {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} (ID {1})</source>
        <translation>{0} (ID {1})</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Merge %n machine(s) into {0}?</source>
        <translation>
            <numerusform>Fusionner %n machine dans {0} ?</numerusform>
            <numerusform>Fusionner %n machines dans {0} ?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Survives (heard from last)</source>
        <translation>Conservée (manifestée en dernier)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted (merged into it)</source>
        <translation>Supprimées (fusionnées dans celle-ci)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The survivor keeps</source>
        <translation>La machine conservée garde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rows deleted</source>
        <translation>Lignes supprimées</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Each deleted machine is recorded in deleted_equiv (TRACE_DELETED).</source>
        <translation>Chaque machine supprimée est enregistrée dans deleted_equiv (TRACE_DELETED).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last contact {0} · {1}</source>
        <translation>dernier contact {0} · {1}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Merging…</source>
        <translation>Fusion en cours…</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n machine(s) merged into machine {0}</source>
        <translation>
            <numerusform>%n machine fusionnée dans la machine {0}</numerusform>
            <numerusform>%n machines fusionnées dans la machine {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <location filename="../../ocs_desktop/views/admin/operator_dialogs.py" line="+134"/>
        <source>New operator</source>
        <translation>Nouvel opérateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator {0}</source>
        <translation>Opérateur {0}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Login:</source>
        <translation>Identifiant :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name:</source>
        <translation>Prénom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email:</source>
        <translation>Courriel :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile:</source>
        <translation>Profil :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments:</source>
        <translation>Commentaires :</translation>
    </message>
</context>
<context>
    <name>Operators</name>
    <message>
        <location line="-134"/>
        <source>Super administrator</source>
        <extracomment>The dialogs&apos; least width: room for the French labels and a pattern&apos;s placeholder.</extracomment>
        <translation>Super-administrateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local administrator</source>
        <translation>Administrateur local</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no profile)</source>
        <translation>(aucun profil)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This operator no longer exists.</source>
        <translation>Cet opérateur n’existe plus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An operator with this login already exists.</source>
        <translation>Un opérateur a déjà cet identifiant.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A login cannot be empty, start or end with spaces, or exceed 100 characters.</source>
        <translation>Un identifiant ne peut être vide, commencer ou finir par des espaces, ni dépasser 100 caractères.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown profile.</source>
        <translation>Profil inconnu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password cannot be empty.</source>
        <translation>Le mot de passe ne peut pas être vide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>admin/admin is the login everyone knows: choose another password.</source>
        <translation>admin/admin est l’identifiant que tout le monde connaît : choisissez un autre mot de passe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is the last enabled super administrator: it cannot be deleted, disabled or given another profile.</source>
        <translation>C’est le dernier super-administrateur actif : il ne peut être ni supprimé, ni désactivé, ni changer de profil.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The current password is wrong: nothing changed.</source>
        <translation>Le mot de passe actuel est faux : rien n’a changé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A TAG pattern cannot be empty.</source>
        <translation>Un motif de TAG ne peut pas être vide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A TAG pattern holds at most 100 characters.</source>
        <translation>Un motif de TAG compte au plus 100 caractères.</translation>
    </message>
</context>
<context>
    <name>OperatorsModel</name>
    <message>
        <location filename="../../ocs_desktop/views/admin/operators_tab.py" line="+86"/>
        <source>Login</source>
        <extracomment>``ConsoleContext.changed`` topic after an operator edit.</extracomment>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TAG perimeter</source>
        <translation>Périmètre de TAG</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enabled</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(every machine)</source>
        <translation>(toutes les machines)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no machine)</source>
        <translation>(aucune machine)</translation>
    </message>
</context>
<context>
    <name>OperatorsTab</name>
    <message>
        <location line="+26"/>
        <source>New…</source>
        <extracomment>The list arrived. A write finished: its message (translated), shown in the tab.</extracomment>
        <translation>Nouveau…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set password…</source>
        <translation>Définir le mot de passe…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change my password…</source>
        <translation>Changer mon mot de passe…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perimeter…</source>
        <translation>Périmètre…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Accounts of the OCS console, shared with it. Passwords are stored as OCS 2.10 stores them; a disabled operator cannot log in here nor in OCS.</source>
        <translation>Comptes de la console OCS, partagés avec elle. Les mots de passe sont enregistrés comme OCS 2.10 le fait ; un opérateur désactivé ne peut se connecter ni ici ni dans OCS.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The database refused the change: {0}</source>
        <translation>La base de données a refusé la modification : {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Operator {0} created.</source>
        <translation>Opérateur {0} créé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Operator {0} changed.</source>
        <translation>Opérateur {0} modifié.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Password of {0} changed.</source>
        <translation>Mot de passe de {0} changé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Operator {0} disabled.</source>
        <translation>Opérateur {0} désactivé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator {0} enabled.</source>
        <translation>Opérateur {0} activé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Operator {0} deleted.</source>
        <translation>Opérateur {0} supprimé.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} added to the perimeter of {1}.</source>
        <translation>{0} ajouté au périmètre de {1}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} removed from the perimeter of {1}.</source>
        <translation>{0} retiré du périmètre de {1}.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Delete operator</source>
        <translation>Supprimer l’opérateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the operator {0} and its TAG perimeter?</source>
        <translation>Supprimer l’opérateur {0} et son périmètre de TAG ?</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/options_page.py" line="+90"/>
        <source>Download and notification</source>
        <translation>Téléchargement et notification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How fast agents fetch the package, and what the user sees.</source>
        <translation>À quelle vitesse les agents récupèrent le paquet, et ce que voit l&apos;utilisateur.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One fragment</source>
        <translation>Un seul fragment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By count:</source>
        <translation>Par nombre :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By size:</source>
        <translation>Par taille :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> fragments</source>
        <translation> fragments</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Notify the user before installing (Windows)</source>
        <translation>Prévenir l&apos;utilisateur avant l&apos;installation (Windows)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The user can abort</source>
        <translation>L&apos;utilisateur peut annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The user can delay</source>
        <translation>L&apos;utilisateur peut différer</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <source>Text:</source>
        <translation>Texte :</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Countdown:</source>
        <translation>Compte à rebours :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show a message once done (Windows)</source>
        <translation>Afficher un message une fois terminé (Windows)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorité :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fragments fetched over:</source>
        <translation>Fragments récupérés en :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fragmentation:</source>
        <translation>Fragmentation :</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Measuring the files…</source>
        <translation>Mesure des fichiers…</translation>
    </message>
</context>
<context>
    <name>PackagePage</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/choice_pages.py" line="+17"/>
        <source>Target and action</source>
        <translation>Cible et action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which machines the package is for and what their agent does.</source>
        <translation>À quelles machines le paquet est destiné et ce que fait leur agent.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Windows (zip)</source>
        <translation>Windows (zip)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linux (tar.gz)</source>
        <translation>Linux (tar.gz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>macOS (tar.gz)</source>
        <translation>macOS (tar.gz)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Execute a command</source>
        <translation>Exécuter une commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store the files</source>
        <translation>Déposer les fichiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Launch a file of the package</source>
        <translation>Lancer un fichier du paquet</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target OS:</source>
        <translation>SE cible :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action:</source>
        <translation>Action :</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>&amp;Command:</source>
        <translation>&amp;Commande :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run in the folder the package is extracted to, e.g. sh install.sh</source>
        <translation>Exécutée dans le dossier où le paquet est extrait, par exemple sh install.sh</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Destination folder:</source>
        <translation>Dossier de &amp;destination :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder on the machine; INSTALL_PATH stands for the agent&apos;s folder.</source>
        <translation>Dossier sur la machine ; INSTALL_PATH désigne le dossier de l&apos;agent.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File to launch:</source>
        <translation>&amp;Fichier à lancer :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A file of the package, with its arguments, e.g. setup.exe /S</source>
        <translation>Un fichier du paquet, avec ses arguments, par exemple setup.exe /S</translation>
    </message>
</context>
<context>
    <name>PackageWizard</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/options_page.py" line="-204"/>
        <source>Priority 0 goes before everything: while this package is pending, agents download no other package.</source>
        <translation>La priorité 0 passe avant tout : tant que ce paquet est en attente, les agents ne téléchargent aucun autre paquet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Priority {0} is above the agents&apos; period of {1} cycles: this package would never be downloaded.</source>
        <translation>La priorité {0} dépasse la période des agents de {1} cycles : ce paquet ne serait jamais téléchargé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Priority 1 is the fastest: one fragment in every download cycle ({0} per period of {1} cycles).</source>
        <translation>La priorité 1 est la plus rapide : un fragment à chaque cycle de téléchargement ({0} par période de {1} cycles).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Priority {0}: one fragment every {0} download cycles ({1} per period of {2}); 1 is the fastest, 9 the slowest.</source>
        <translation>Priorité {0} : un fragment tous les {0} cycles de téléchargement ({1} par période de {2}) ; 1 est la plus rapide, 9 la plus lente.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No fragment: agents download nothing (command only).</source>
        <translation>Aucun fragment : les agents ne téléchargent rien (commande seule).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>About {0} (estimated from the files; compression makes it smaller)</source>
        <translation>Environ {0} (estimé d&apos;après les fichiers ; la compression réduit la taille)</translation>
    </message>
    <message>
        <location filename="../../ocs_desktop/views/deployment/wizard.py" line="+92"/>
        <source>New package</source>
        <extracomment>The package was built and recorded (``BuiltPackage``). The build failed (message) or was cancelled.</extracomment>
        <translation>Nouveau paquet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Without files, the package can only execute a command.</source>
        <translation>Sans fichier, le paquet ne peut qu&apos;exécuter une commande.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows agents need a zip archive, not tar.gz.</source>
        <translation>Les agents Windows ont besoin d&apos;une archive zip, pas tar.gz.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose files, an archive, or no file.</source>
        <translation>Choisissez des fichiers, une archive, ou aucun fichier.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Building…</source>
        <translation>Construction…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Build cancelled; nothing was kept.</source>
        <translation>Construction annulée ; rien n&apos;a été conservé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The build failed: {0}</source>
        <translation>La construction a échoué : {0}</translation>
    </message>
</context>
<context>
    <name>PackageWizardPlurals</name>
    <message numerus="yes">
        <location filename="../../ocs_desktop/views/deployment/options_page.py" line="-18"/>
        <source>%n fragment(s): {0}</source>
        <translation>
            <numerusform>%n fragment : {0}</numerusform>
            <numerusform>%n fragments : {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackagesModel</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/models.py" line="+41"/>
        <source>Name</source>
        <extracomment>Machines were dropped on a package: (FILEID, machine ids).</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILEID</source>
        <translation>FILEID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OS</source>
        <translation>SE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fragments</source>
        <translation>Fragments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activated</source>
        <translation>Activé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notified</source>
        <translation>Notifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Success</source>
        <translation>Succès</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ocs_desktop/views/admin/operator_dialogs.py" line="+140"/>
        <source>Change my password ({0})</source>
        <translation>Changer mon mot de passe ({0})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the password of {0}</source>
        <translation>Définir le mot de passe de {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Current password:</source>
        <translation>Mot de passe actuel :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stored as OCS 2.10 and later store it (SHA-256).</source>
        <translation>Enregistré comme OCS 2.10 et suivants l’enregistrent (SHA-256).</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <location line="-111"/>
        <source>New password:</source>
        <translation>Nouveau mot de passe :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Again:</source>
        <translation>Confirmation :</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
</context>
<context>
    <name>PerimeterDialog</name>
    <message>
        <location line="+133"/>
        <source>TAG perimeter of {0}</source>
        <translation>Périmètre de TAG de {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TAG or pattern, e.g. PARIS-*</source>
        <translation>TAG ou motif, par ex. PARIS-*</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wildcards: * any characters, ? one character.</source>
        <translation>Jokers : * n’importe quels caractères, ? un caractère.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This profile sees every machine: the perimeter only applies to local administrators (ladmin).</source>
        <translation>Ce profil voit toutes les machines : le périmètre ne s’applique qu’aux administrateurs locaux (ladmin).</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <location filename="../../ocs_desktop/views/profile_editor.py" line="+23"/>
        <source>Edit profile</source>
        <translation>Modifier le profil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New profile</source>
        <translation>Nouveau profil</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Require TLS</source>
        <translation>Exiger TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remember the password in the keyring</source>
        <translation>Mémoriser le mot de passe dans le trousseau</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host:</source>
        <translation>Hôte :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database:</source>
        <translation>Base :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No system keyring is available: the password is not stored and will be asked at each connection.</source>
        <translation>Aucun trousseau système n&apos;est disponible : le mot de passe n&apos;est pas conservé et sera demandé à chaque connexion.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CA file:</source>
        <translation>Fichier de l&apos;AC :</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The profile needs a name.</source>
        <translation>Le profil doit avoir un nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A profile named {0} already exists.</source>
        <translation>Un profil nommé {0} existe déjà.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The profile needs a host.</source>
        <translation>Le profil doit indiquer un hôte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The profile needs a database name.</source>
        <translation>Le profil doit indiquer un nom de base.</translation>
    </message>
    <message>
        <source>optional: CA certificate (PEM)</source>
        <translation>facultatif : certificat d'AC (PEM)</translation>
    </message>
    <message>
        <source>The CA certificate (PEM) the server's certificate is verified against</source>
        <translation>Le certificat d'AC (PEM) qui sert à vérifier celui du serveur</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Certificat d'AC</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Fill in the host and the database first.</source>
        <translation>Renseignez d'abord l'hôte et la base de données.</translation>
    </message>
    <message>
        <source>Testing {0}…</source>
        <translation>Test de {0}…</translation>
    </message>
    <message>
        <source>Connection works: this is an OCS database we can use.</source>
        <translation>La connexion fonctionne : c'est une base OCS utilisable.</translation>
    </message>
    <message>
        <source>Connection works, but the database holds no OCS tables yet.</source>
        <translation>La connexion fonctionne, mais la base ne contient encore aucune table OCS.</translation>
    </message>
    <message>
        <source>Connection works, but the database cannot be used as it is:
{0}</source>
        <translation>La connexion fonctionne, mais la base n'est pas utilisable en l'état :
{0}</translation>
    </message>
    <message>
        <source>Cannot connect: {0}</source>
        <translation>Connexion impossible : {0}</translation>
    </message>
</context>
<context>
    <name>RegistryModel</name>
    <message>
        <location filename="../../ocs_desktop/views/admin/registry_tab.py" line="+91"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hive</source>
        <translation>Ruche</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>* (every value)</source>
        <translation>* (toutes les valeurs)</translation>
    </message>
</context>
<context>
    <name>RegistryTab</name>
    <message>
        <location line="-60"/>
        <source>Give the query a name.</source>
        <translation>Donnez un nom à la requête.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name is at most 255 characters.</source>
        <translation>Le nom fait au plus 255 caractères.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The name contains control characters.</source>
        <translation>Le nom contient des caractères de contrôle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose one of the hives in the list.</source>
        <translation>Choisissez une des ruches de la liste.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the key path, e.g. SOFTWARE\Vendor\App.</source>
        <translation>Indiquez le chemin de la clé, par ex. SOFTWARE\Vendor\App.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key path is too long.</source>
        <translation>Le chemin de la clé est trop long.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key path contains control characters.</source>
        <translation>Le chemin de la clé contient des caractères de contrôle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the key path without its hive: the hive is chosen in the list.</source>
        <translation>Indiquez le chemin de la clé sans sa ruche : la ruche se choisit dans la liste.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give a value name, or * for every value of the key.</source>
        <translation>Indiquez un nom de valeur, ou * pour toutes les valeurs de la clé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The value name is at most 255 characters.</source>
        <translation>Le nom de valeur fait au plus 255 caractères.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The value name contains control characters.</source>
        <translation>Le nom de valeur contient des caractères de contrôle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This query no longer exists.</source>
        <translation>Cette requête n&apos;existe plus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The query was refused ({0}).</source>
        <translation>La requête a été refusée ({0}).</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Windows agents read these registry values at each inventory and send them back; the answers are shown in a machine&apos;s Registry category.</source>
        <extracomment>A write finished: its message (translated).</extracomment>
        <translation>Les agents Windows lisent ces valeurs du registre à chaque inventaire et les renvoient ; les réponses s&apos;affichent dans la catégorie Registre d&apos;une machine.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The REGISTRY option is off in the configuration: the server sends none of these queries.</source>
        <translation>L&apos;option REGISTRY est désactivée dans la configuration : le serveur n&apos;envoie aucune de ces requêtes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>stored as the answer&apos;s name</source>
        <translation>enregistré comme nom de la réponse</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a value name, or * for every value</source>
        <translation>un nom de valeur, ou * pour toutes les valeurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hive:</source>
        <translation>Ruche :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key:</source>
        <translation>Clé :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value:</source>
        <translation>Valeur :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>The database refused the change: {0}</source>
        <translation>La base de données a refusé la modification : {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Registry query {0} added.</source>
        <translation>Requête de registre {0} ajoutée.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registry query {0} changed.</source>
        <translation>Requête de registre {0} modifiée.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registry query {0} deleted.</source>
        <translation>Requête de registre {0} supprimée.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Delete registry query</source>
        <translation>Supprimer la requête de registre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the registry query {0}? Answers already received stay.</source>
        <translation>Supprimer la requête de registre {0} ? Les réponses déjà reçues sont conservées.</translation>
    </message>
</context>
<context>
    <name>RemoveMembersDialog</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/groups_page.py" line="-291"/>
        <source>Remove members of {0}</source>
        <translation>Retirer des membres de {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Selected machines will be excluded from this dynamic group, and stay excluded when it is recomputed.</source>
        <translation>Les machines sélectionnées seront exclues de ce groupe dynamique, et le resteront lors de son recalcul.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Selected machines will be removed from this group.</source>
        <translation>Les machines sélectionnées seront retirées de ce groupe.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Only the first %n members are listed.</source>
        <translation>
            <numerusform>Seul %n membre est listé.</numerusform>
            <numerusform>Seuls les %n premiers membres sont listés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchFields</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/search_page.py" line="-258"/>
        <source>Hardware</source>
        <extracomment>Role of the field combo&apos;s items holding the field key (None on table headings). Every table and column label of the core&apos;s ``SEARCH_FIELDS``, marked so ``lupdate`` extracts them; :func:`translate_field` looks them up at run time. A test checks that the core has no label missing here.</extracomment>
        <translation>Matériel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>workgroup</source>
        <translation>groupe de travail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user domain</source>
        <translation>domaine de l&apos;utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OS name</source>
        <translation>nom du SE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OS version</source>
        <translation>version du SE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OS comments</source>
        <translation>commentaires du SE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>architecture</source>
        <translation>architecture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>processor type</source>
        <translation>type de processeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>processor speed (MHz)</source>
        <translation>vitesse du processeur (MHz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>processor count</source>
        <translation>nombre de processeurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>memory (MB)</source>
        <translation>mémoire (Mo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>swap (MB)</source>
        <translation>swap (Mo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IP address</source>
        <translation>adresse IP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default gateway</source>
        <translation>passerelle par défaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows company</source>
        <translation>société (Windows)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows owner</source>
        <translation>propriétaire (Windows)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows product ID</source>
        <translation>ID de produit Windows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows product key</source>
        <translation>clé de produit Windows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agent</source>
        <translation>agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>device ID</source>
        <translation>identifiant de l&apos;appareil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last inventory</source>
        <translation>dernier inventaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last contact</source>
        <translation>dernier contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BIOS</source>
        <translation>BIOS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>system manufacturer</source>
        <translation>fabricant du système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>system model</source>
        <translation>modèle du système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serial number</source>
        <translation>numéro de série</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>type</source>
        <translation>type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BIOS manufacturer</source>
        <translation>fabricant du BIOS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BIOS version</source>
        <translation>version du BIOS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BIOS date</source>
        <translation>date du BIOS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>asset tag</source>
        <translation>numéro d&apos;inventaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>motherboard manufacturer</source>
        <translation>fabricant de la carte mère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>motherboard model</source>
        <translation>modèle de la carte mère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>motherboard serial</source>
        <translation>numéro de série de la carte mère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrative data</source>
        <translation>Données administratives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>Processeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manufacturer</source>
        <translation>fabricant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>speed (MHz)</source>
        <translation>vitesse (MHz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>current speed (MHz)</source>
        <translation>vitesse actuelle (MHz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cores</source>
        <translation>cœurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>logical CPUs</source>
        <translation>processeurs logiques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>data width</source>
        <translation>largeur des données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 cache</source>
        <translation>cache L2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>socket</source>
        <translation>socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>caption</source>
        <translation>libellé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>capacity (MB)</source>
        <translation>capacité (Mo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>speed</source>
        <translation>vitesse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>purpose</source>
        <translation>usage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>slot</source>
        <translation>emplacement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>model</source>
        <translation>modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>size (MB)</source>
        <translation>taille (Mo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>firmware</source>
        <translation>micrologiciel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drive</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>letter</source>
        <translation>lettre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>type / mount point</source>
        <translation>type / point de montage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file system</source>
        <translation>système de fichiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total (MB)</source>
        <translation>total (Mo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>free (MB)</source>
        <translation>libre (Mo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>volume</source>
        <translation>volume</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>creation date</source>
        <translation>date de création</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAC address</source>
        <translation>adresse MAC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>état</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IP mask</source>
        <translation>masque IP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gateway</source>
        <translation>passerelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subnet</source>
        <translation>sous-réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DHCP server</source>
        <translation>serveur DHCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>virtual</source>
        <translation>virtuel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chipset</source>
        <translation>jeu de puces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resolution</source>
        <translation>résolution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitor</source>
        <translation>Moniteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>driver</source>
        <translation>pilote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server</source>
        <translation>serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share name</source>
        <translation>nom de partage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Controller</source>
        <translation>Contrôleur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sound</source>
        <translation>Son</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input</source>
        <translation>Périphérique d&apos;entrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interface</source>
        <translation>interface</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USB device</source>
        <translation>Périphérique USB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Software</source>
        <translation>Logiciel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>publisher</source>
        <translation>éditeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>folder</source>
        <translation>dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comments</source>
        <translation>commentaires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file name</source>
        <translation>nom de fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GUID</source>
        <translation>GUID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>language</source>
        <translation>langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>install date</source>
        <translation>date d&apos;installation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bits</source>
        <translation>bits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual machine</source>
        <translation>Machine virtuelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subsystem</source>
        <translation>sous-système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>virtual CPUs</source>
        <translation>processeurs virtuels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registry</source>
        <translation>Registre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>query name</source>
        <translation>nom de la requête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value</source>
        <translation>valeur</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location line="+182"/>
        <source>all criteria (AND)</source>
        <extracomment>A dynamic group was saved from this page (its id).</extracomment>
        <translation>tous les critères (ET)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any criterion (OR)</source>
        <translation>l&apos;un des critères (OU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add criterion</source>
        <translation>Ajouter un critère</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Show in machines list</source>
        <translation>Afficher dans la liste des machines</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as dynamic group…</source>
        <translation>Enregistrer comme groupe dynamique…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Machines matching</source>
        <translation>Machines répondant à</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Criterion {0}: {1}</source>
        <translation>Critère {0} : {1}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Searching…</source>
        <translation>Recherche en cours…</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n machine(s) found</source>
        <translation>
            <numerusform>%n machine trouvée</numerusform>
            <numerusform>%n machines trouvées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Search: {0}</source>
        <translation>Recherche : {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dynamic group {0} saved.</source>
        <translation>Groupe dynamique {0} enregistré.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Group not saved: {0}</source>
        <translation>Groupe non enregistré : {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save as dynamic group</source>
        <translation>Enregistrer comme groupe dynamique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group name:</source>
        <translation>Nom du groupe :</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n machine(s) exported to {0}</source>
        <translation>
            <numerusform>%n machine exportée vers {0}</numerusform>
            <numerusform>%n machines exportées vers {0}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export failed: {0}</source>
        <translation>Échec de l&apos;export : {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export cancelled.</source>
        <translation>Export annulé.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export to CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Run the search (F5)</source>
        <translation>Lancer la recherche (F5)</translation>
    </message>
</context>
<context>
    <name>ServerTab</name>
    <message>
        <location filename="../../ocs_desktop/views/admin/server_tab.py" line="+70"/>
        <source>cacert.pem (empty: the system&apos;s CAs)</source>
        <translation>cacert.pem (vide : les AC du système)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server connection</source>
        <translation>Connexion au serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server URL:</source>
        <translation>URL du serveur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA file:</source>
        <translation>Fichier de l&apos;AC :</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server status</source>
        <translation>État du serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health:</source>
        <translation>Santé :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server version:</source>
        <translation>Version du serveur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventories in the last hour:</source>
        <translation>Inventaires de la dernière heure :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked at:</source>
        <translation>Vérifié à :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate is always verified: give the CA file of ocs-desktop cert init for a private CA. Inventories are counted in the database.</source>
        <translation>Le certificat est toujours vérifié : donnez le fichier de l&apos;AC de ocs-desktop cert init pour une AC privée. Les inventaires sont comptés dans la base de données.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>CA file</source>
        <translation>Fichier de l&apos;AC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PEM files (*.pem *.crt);;All (*)</source>
        <translation>Fichiers PEM (*.pem *.crt);;Tous (*)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No server URL: enter the server&apos;s address and save.</source>
        <translation>Pas d&apos;URL de serveur : saisissez l&apos;adresse du serveur et enregistrez.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Not a server URL: {0}</source>
        <translation>Ce n&apos;est pas une URL de serveur : {0}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Failed: {0}</source>
        <translation>Échec : {0}</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>OK (HTTP {0})</source>
        <translation>OK (HTTP {0})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unreachable: {0}</source>
        <translation>Injoignable : {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unhealthy (HTTP {0}): {1}</source>
        <translation>En difficulté (HTTP {0}) : {1}</translation>
    </message>
</context>
<context>
    <name>SetAdminFieldDialog</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/set_admin_field_dialog.py" line="+44"/>
        <source>Set admin field</source>
        <extracomment>The fields arrived and the editor is shown.</extracomment>
        <translation>Définir un champ administratif</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Value for %n machine(s); empty clears it.</source>
        <translation>
            <numerusform>Valeur pour %n machine ; vide l&apos;efface.</numerusform>
            <numerusform>Valeur pour %n machines ; vide l&apos;efface.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No admin field is defined</source>
        <translation>Aucun champ administratif n&apos;est défini</translation>
    </message>
</context>
<context>
    <name>SetMachinesModel</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/duplicates_models.py" line="+100"/>
        <source>ID</source>
        <extracomment>The checked machines changed.</extracomment>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAC addresses</source>
        <translation>Adresses MAC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First inventory</source>
        <translation>Premier inventaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last inventory</source>
        <translation>Dernier inventaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DEVICEID</source>
        <translation>DEVICEID</translation>
    </message>
</context>
<context>
    <name>SetsModel</name>
    <message>
        <location line="-70"/>
        <source>Criterion</source>
        <extracomment>The machine id of a row of the machines table. True on a cell holding a value the set&apos;s machines share.</extracomment>
        <translation>Critère</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shared values</source>
        <translation>Valeurs partagées</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} (not duplicates)</source>
        <translation>{0} (pas des doublons)</translation>
    </message>
</context>
<context>
    <name>SoftwareModel</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/software_page.py" line="+81"/>
        <source>Name</source>
        <extracomment>Columns of the lower pane&apos;s machines list.</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installs</source>
        <translation>Installations</translation>
    </message>
    <message>
        <source>Share of machines</source>
        <translation>Part des machines</translation>
    </message>
    <message>
        <source>{0} of {1} machines</source>
        <translation>{0} sur {1} machines</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SoftwarePage</name>
    <message>
        <location line="+140"/>
        <source>Filter by name or publisher</source>
        <translation>Filtrer par nom ou éditeur</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+104"/>
        <location line="+6"/>
        <source>Rebuild summary</source>
        <translation>Reconstruire le résumé</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+105"/>
        <source>Select a software to list its machines.</source>
        <translation>Sélectionnez un logiciel pour lister ses machines.</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Show in machines list</source>
        <translation>Afficher dans la liste des machines</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>This database has no software summary yet, so the software list is empty. Build it once (it is then kept up to date by every inventory we receive).</source>
        <translation>Cette base n&apos;a pas encore de résumé des logiciels : la liste des logiciels est donc vide. Construisez-le une fois (il est ensuite tenu à jour par chaque inventaire reçu).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Build summary</source>
        <translation>Construire le résumé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The software summary was never completed: rebuild it.</source>
        <translation>Le résumé des logiciels n&apos;a jamais été terminé : reconstruisez-le.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The install counts are out of date: software rows were changed by another program (for example an OCS server) since {when}.</source>
        <translation>Les nombres d&apos;installations ne sont plus à jour : des lignes de logiciels ont été modifiées par un autre programme (par exemple un serveur OCS) depuis le {when}.</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n software(s)</source>
        <translation>
            <numerusform>%n logiciel</numerusform>
            <numerusform>%n logiciels</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nothing selected</source>
        <translation>aucune sélection</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Software: {0}</source>
        <translation>Logiciel : {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rebuilding the software summary…</source>
        <translation>Reconstruction du résumé des logiciels…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Software summary not rebuilt: {0}</source>
        <translation>Résumé des logiciels non reconstruit : {0}</translation>
    </message>
    <message>
        <source>Roll up versions</source>
        <translation>Regrouper les versions</translation>
    </message>
    <message>
        <source>One line per software name and publisher, its versions added up</source>
        <translation>Une ligne par nom de logiciel et éditeur, toutes versions additionnées</translation>
    </message>
    <message>
        <source>Machines &amp;with this software</source>
        <translation>Machines &amp;avec ce logiciel</translation>
    </message>
    <message>
        <source>Machines with&amp;out this software</source>
        <translation>Machines &amp;sans ce logiciel</translation>
    </message>
    <message>
        <source>&amp;Export the list to CSV…</source>
        <translation>&amp;Exporter la liste en CSV…</translation>
    </message>
    <message>
        <source>Machines with it</source>
        <translation>Machines qui l'ont</translation>
    </message>
    <message>
        <source>Machines without it</source>
        <translation>Machines qui ne l'ont pas</translation>
    </message>
    <message>
        <source>Machines without {0}</source>
        <translation>Machines sans {0}</translation>
    </message>
    <message>
        <source>Machines with {0}</source>
        <translation>Machines avec {0}</translation>
    </message>
    <message>
        <source>Without software: {0}</source>
        <translation>Sans le logiciel : {0}</translation>
    </message>
    <message>
        <source>Export software</source>
        <translation>Exporter les logiciels</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n software(s) exported to {0}</source>
        <translation>
            <numerusform>%n logiciel exporté dans {0}</numerusform>
            <numerusform>%n logiciels exportés dans {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusModel</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/models.py" line="+58"/>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Through group</source>
        <translation>Par un groupe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Assigned through a group; the machine has not contacted the server yet</source>
        <translation>Affecté par un groupe ; la machine n&apos;a pas encore contacté le serveur</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/status_panel.py" line="+49"/>
        <source>E&amp;xport CSV…</source>
        <extracomment>The filter changed (the status shown, or None for all). The CSV export finished: rows written, path.</extracomment>
        <translation>E&amp;xporter en CSV…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>All statuses</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No package selected.</source>
        <translation>Aucun paquet sélectionné.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>{0} ({1}): %n machine(s)</source>
        <translation>
            <numerusform>{0} ({1}) : %n machine</numerusform>
            <numerusform>{0} ({1}) : %n machines</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>— groups: {0}</source>
        <translation>— groupes : {0}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Export package status</source>
        <translation>Exporter les états du paquet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n machine(s) exported to {0}</source>
        <translation>
            <numerusform>%n machine exportée vers {0}</numerusform>
            <numerusform>%n machines exportées vers {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagCountsModel</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/tags_page.py" line="+52"/>
        <source>(no TAG)</source>
        <translation>(sans TAG)</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>TAG</source>
        <extracomment>Raw values for sorting: TAG (casefolded) or count. Machine ids were dropped on a TAG (``None``: the &quot;no TAG&quot; row).</extracomment>
        <translation>TAG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
</context>
<context>
    <name>TagRuleDialog</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/tag_rule_dialog.py" line="+43"/>
        <source>Edit tagging rule</source>
        <translation>Modifier la règle d&apos;étiquetage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New tagging rule</source>
        <translation>Nouvelle règle d&apos;étiquetage</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Overwrite the TAG the agent sent</source>
        <translation>Écraser le TAG envoyé par l&apos;agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enabled</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also run after each inventory</source>
        <translation>Appliquer aussi après chaque inventaire</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pattern:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Field to set:</source>
        <translation>&amp;Champ à renseigner :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Value:</source>
        <translation>&amp;Valeur :</translation>
    </message>
</context>
<context>
    <name>TagRules</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/tag_rules_text.py" line="+22"/>
        <source>Subnet</source>
        <translation>Sous-réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IP range</source>
        <translation>Plage d&apos;adresses IP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hostname</source>
        <translation>Nom de machine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operating system</source>
        <translation>Système d&apos;exploitation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed software</source>
        <translation>Logiciel installé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin field</source>
        <translation>Champ administratif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A network in CIDR notation (IPv4 or IPv6), e.g. 10.1.0.0/16. Matches the machine&apos;s main address or any of its network cards.</source>
        <translation>Un réseau en notation CIDR (IPv4 ou IPv6), p. ex. 10.1.0.0/16. Correspond à l&apos;adresse principale de la machine ou à l&apos;une de ses cartes réseau.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The first and last address, e.g. 10.1.0.10-10.1.0.50. Matches the machine&apos;s main address or any of its network cards.</source>
        <translation>La première et la dernière adresse, p. ex. 10.1.0.10-10.1.0.50. Correspond à l&apos;adresse principale de la machine ou à l&apos;une de ses cartes réseau.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A pattern on the machine&apos;s name, case-insensitive: * for any text, ? for one character, e.g. WEB-*.</source>
        <translation>Un motif sur le nom de la machine, sans tenir compte de la casse : * pour n&apos;importe quel texte, ? pour un caractère, p. ex. WEB-*.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A pattern on the operating system&apos;s name, case-insensitive, e.g. *Windows 11*.</source>
        <translation>Un motif sur le nom du système d&apos;exploitation, sans tenir compte de la casse, p. ex. *Windows 11*.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A pattern on the name of any installed software, case-insensitive, e.g. *Firefox*.</source>
        <translation>Un motif sur le nom d&apos;un logiciel installé, sans tenir compte de la casse, p. ex. *Firefox*.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The machines whose admin field matches the pattern (case-insensitive, * and ?); an empty pattern matches an empty field.</source>
        <translation>Les machines dont le champ administratif correspond au motif (sans tenir compte de la casse, * et ?) ; un motif vide correspond à un champ vide.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The machines of a group: the live search of a dynamic group made here, otherwise its current members.</source>
        <translation>Les machines d&apos;un groupe : la recherche en direct d&apos;un groupe dynamique créé ici, sinon ses membres actuels.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>TAG is the location the agent sent (ocsinventory-agent --tag). A rule may only overwrite it if you tick &quot;Overwrite the TAG the agent sent&quot;.</source>
        <translation>Le TAG est l&apos;emplacement envoyé par l&apos;agent (ocsinventory-agent --tag). Une règle ne peut l&apos;écraser que si vous cochez « Écraser le TAG envoyé par l&apos;agent ».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give the rule a name.</source>
        <translation>Donnez un nom à la règle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the admin field the rule looks at.</source>
        <translation>Choisissez le champ administratif examiné par la règle.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose an existing group.</source>
        <translation>Choisissez un groupe existant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a pattern.</source>
        <translation>Saisissez un motif.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This admin field no longer exists: choose another one.</source>
        <translation>Ce champ administratif n&apos;existe plus : choisissez-en un autre.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The value does not fit the chosen field (a number or a date?).</source>
        <translation>La valeur ne convient pas au champ choisi (un nombre ou une date ?).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A group rule cannot run after each inventory: apply it from this page instead.</source>
        <translation>Une règle de groupe ne peut pas s&apos;appliquer après chaque inventaire : appliquez-la depuis cette page.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The first address must come before the last one.</source>
        <translation>La première adresse doit précéder la dernière.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is not a valid address pattern: {0}</source>
        <translation>Ce n&apos;est pas un motif d&apos;adresse valide : {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This rule no longer exists: the list was refreshed.</source>
        <translation>Cette règle n&apos;existe plus : la liste a été actualisée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not changed: {0}</source>
        <translation>Non modifié : {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The machines changed since the preview: nothing was written. The preview was computed again; check it and apply again.</source>
        <translation>Les machines ont changé depuis l&apos;aperçu : rien n&apos;a été écrit. L&apos;aperçu a été recalculé ; vérifiez-le et appliquez de nouveau.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no rule run to undo.</source>
        <translation>Il n&apos;y a aucune application de règles à annuler.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another writer holds these machines: nothing was written. Try again.</source>
        <translation>Un autre programme modifie ces machines : rien n&apos;a été écrit. Réessayez.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was written: {0}</source>
        <translation>Rien n&apos;a été écrit : {0}</translation>
    </message>
</context>
<context>
    <name>TagRulesPage</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/tag_rules_page.py" line="+139"/>
        <source>&amp;Add…</source>
        <extracomment>What a rule change refused by the core comes back as (the transaction wrote nothing). The rules were read and are shown. A preview arrived and is shown.</extracomment>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>Supp&amp;rimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>Mon&amp;ter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>Descen&amp;dre</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+193"/>
        <source>Disa&amp;ble</source>
        <translation>Désacti&amp;ver</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ena&amp;ble</source>
        <translation>Acti&amp;ver</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pattern</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enabled</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After inventory</source>
        <translation>Après inventaire</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Preview</source>
        <translation>&amp;Prévisualiser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appl&amp;y…</source>
        <translation>Appli&amp;quer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>U&amp;ndo last rule run…</source>
        <translation>A&amp;nnuler la dernière application…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+245"/>
        <source>Preview to see what the enabled rules change.</source>
        <translation>Prévisualisez pour voir ce que changent les règles actives.</translation>
    </message>
    <message>
        <location line="-241"/>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>Après</translation>
    </message>
    <message>
        <location line="+60"/>
        <location line="+1"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>No rule run to undo.</source>
        <translation>Aucune application de règles à annuler.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Rule saved. Preview to see what it changes.</source>
        <translation>Règle enregistrée. Prévisualisez pour voir ce qu&apos;elle change.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove rule</source>
        <translation>Supprimer la règle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the rule {0}? It no longer changes any machine.</source>
        <translation>Supprimer la règle {0} ? Elle ne modifiera plus aucune machine.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Computing the preview…</source>
        <translation>Calcul de l&apos;aperçu…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Preview cancelled.</source>
        <translation>Aperçu annulé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not done: {0}</source>
        <translation>Non effectué : {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The enabled rules change nothing.</source>
        <translation>Les règles actives ne changent rien.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Apply tagging rules</source>
        <translation>Appliquer les règles d&apos;étiquetage</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Undo last rule run</source>
        <translation>Annuler la dernière application</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore the admin data of the machines it changed, as they were before? Changes made to those machines since are lost.</source>
        <translation>Restaurer les données administratives des machines modifiées telles qu&apos;elles étaient ? Les changements faits depuis sur ces machines seront perdus.</translation>
    </message>
    <message>
        <source>Last rule run: {0} by {1}, {2}.</source>
        <translation>Dernière application : {0} par {1}, {2}.</translation>
    </message>
    <message>
        <source>{0} on {1}. Apply writes exactly these.</source>
        <translation>{0} sur {1}. Appliquer écrit exactement celles-ci.</translation>
    </message>
    <message>
        <source>Write {0} on {1}? The rows are backed up first: &quot;Undo last rule run&quot; restores them.</source>
        <translation>Écrire {0} sur {1} ? Les lignes sont d&apos;abord sauvegardées : « Annuler la dernière application » les restaure.</translation>
    </message>
    <message numerus="yes">
        <source>Applied: %n change(s) written.</source>
        <translation>
            <numerusform>Appliqué : %n modification écrite.</numerusform>
            <numerusform>Appliqué : %n modifications écrites.</numerusform>
        </translation>
    </message>
    <message>
        <source>Run undone: {0}, {1}.</source>
        <translation>Application annulée : {0}, {1}.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) restored</source>
        <translation>
            <numerusform>%n ligne restaurée</numerusform>
            <numerusform>%n lignes restaurées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) deleted</source>
        <translation>
            <numerusform>%n ligne supprimée</numerusform>
            <numerusform>%n lignes supprimées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n modification</numerusform>
            <numerusform>%n modifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s)</source>
        <translation>
            <numerusform>%n machine</numerusform>
            <numerusform>%n machines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagsPage</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/tags_page.py" line="+75"/>
        <source>Double-click a TAG to list its machines. Drop machines on a TAG to set it.</source>
        <extracomment>The counts arrived.</extracomment>
        <translation>Double-cliquez sur un TAG pour lister ses machines. Déposez des machines sur un TAG pour le leur attribuer.</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n TAG(s)</source>
        <translation>
            <numerusform>%n TAG</numerusform>
            <numerusform>%n TAG</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n machine(s)</source>
        <translation>
            <numerusform>%n machine</numerusform>
            <numerusform>%n machines</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Machines with TAG {0}</source>
        <translation>Machines avec le TAG {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Machines without TAG</source>
        <translation>Machines sans TAG</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(no TAG)</source>
        <translation>(sans TAG)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set TAG</source>
        <translation>Définir le TAG</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Set the TAG of %n machine(s) to {0}?</source>
        <translation>
            <numerusform>Définir le TAG de %n machine à {0} ?</numerusform>
            <numerusform>Définir le TAG de %n machines à {0} ?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetGroupsModel</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/targets.py" line="+153"/>
        <source>Dynamic</source>
        <translation>Dynamique</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Static</source>
        <translation>Statique</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
</context>
<context>
    <name>TargetMachinesModel</name>
    <message>
        <location line="-33"/>
        <source>Machine</source>
        <extracomment>How many machines one target search shows at most.</extracomment>
        <translation>Machine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operating system</source>
        <translation>Système d&apos;exploitation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IP</source>
        <translation>IP</translation>
    </message>
</context>
<context>
    <name>TargetsForm</name>
    <message>
        <location line="+84"/>
        <source>Search machines: name, IP, user, serial, TAG</source>
        <extracomment>The assignment was written.</extracomment>
        <translation>Chercher des machines : nom, IP, utilisateur, numéro de série, TAG</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Check all found</source>
        <translation>Cocher tout ce qui est trouvé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Uncheck all</source>
        <translation>Tout décocher</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Force: install even where the agent&apos;s history says it is done</source>
        <translation>Forcer : installer même là où l&apos;historique de l&apos;agent indique que c&apos;est fait</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not before:</source>
        <translation>Pas avant :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing</source>
        <translation>Rien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reboot</source>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shut down</source>
        <translation>Éteindre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Assign</source>
        <translation>&amp;Affecter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Afterwards:</source>
        <translation>Ensuite :</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Package {0}</source>
        <translation>Paquet {0}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>First {0} machines found; refine the search</source>
        <translation>Les {0} premières machines trouvées ; affinez la recherche</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n machine(s) found</source>
        <translation>
            <numerusform>%n machine trouvée</numerusform>
            <numerusform>%n machines trouvées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not assigned: {0}</source>
        <translation>Non affecté : {0}</translation>
    </message>
    <message>
        <source>Checked: {0}, {1}</source>
        <translation>Coché : {0}, {1}</translation>
    </message>
    <message>
        <source>Assigned to {0} and {1}.</source>
        <translation>Affecté à {0} et {1}.</translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s)</source>
        <translation>
            <numerusform>%n machine</numerusform>
            <numerusform>%n machines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n groupe</numerusform>
            <numerusform>%n groupes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment/wizard.py" line="-222"/>
        <source>Targets</source>
        <translation>Cibles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the machines and groups that get the package, then assign.</source>
        <translation>Cochez les machines et les groupes qui reçoivent le paquet, puis affectez.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Activate the package first (previous page).</source>
        <translation>Activez d&apos;abord le paquet (page précédente).</translation>
    </message>
</context>
<context>
    <name>NetworkScanDialog</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/network_scan_dialog.py" line="+1"/>
        <source>Scan this subnet now</source>
        <translation>Scanner ce sous-réseau maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This workstation probes every address of the ticked subnets (ICMP, or TCP connections where ICMP is not allowed), then reads its ARP cache. Hosts with a MAC address are added to the network map, with the workstation as their source. Only hosts on this workstation&apos;s own network segments have a MAC address.</source>
        <translation>Ce poste sonde chaque adresse des sous-réseaux cochés (ICMP, ou connexions TCP là où ICMP n&apos;est pas permis), puis lit son cache ARP. Les hôtes ayant une adresse MAC sont ajoutés à la carte du réseau, avec ce poste pour source. Seuls les hôtes des segments réseau de ce poste ont une adresse MAC.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the subnets to scan, then press Scan.</source>
        <translation>Cochez les sous-réseaux à scanner, puis appuyez sur Scanner.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel scan</source>
        <translation>Annuler le scan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (no mask known)</source>
        <translation>%1 (masque inconnu)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 (%n address(es))</source>
        <translation>
            <numerusform>%1 (%n adresse)</numerusform>
            <numerusform>%1 (%n adresses)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanning %1…</source>
        <translation>Scan de %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n host(s) found</source>
        <translation>
            <numerusform>%n hôte trouvé</numerusform>
            <numerusform>%n hôtes trouvés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n new in the network map</source>
        <translation>
            <numerusform>%n nouveau dans la carte du réseau</numerusform>
            <numerusform>%n nouveaux dans la carte du réseau</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n without a MAC address, not stored</source>
        <translation>
            <numerusform>%n sans adresse MAC, non enregistré</numerusform>
            <numerusform>%n sans adresse MAC, non enregistrés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scan failed: %1</source>
        <translation>Le scan a échoué : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan cancelled; nothing was written.</source>
        <translation>Scan annulé ; rien n&apos;a été enregistré.</translation>
    </message>
</context>
<context>
    <name>NetworkScope</name>
    <message>
        <location filename="../../ocs_desktop/fleet/network_scope.py" line="+1"/>
        <source>{subnet} is not an IPv4 subnet.</source>
        <translation>{subnet} n&apos;est pas un sous-réseau IPv4.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{subnet} is wider than a /16; pick a smaller one.</source>
        <translation>{subnet} est plus large qu&apos;un /16 ; choisissez-en un plus petit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{subnet} is not a private network; the workstation only scans its own.</source>
        <translation>{subnet} n&apos;est pas un réseau privé ; le poste ne scanne que les siens.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No subnet was picked.</source>
        <translation>Aucun sous-réseau n&apos;est choisi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{subnet} is outside the picked subnets.</source>
        <translation>{subnet} est hors des sous-réseaux choisis.</translation>
    </message>
</context>
<context>
    <name>AgentInstaller</name>
    <message>
        <source>The {field} holds a control character</source>
        <translation>Le champ {field} contient un caractère de contrôle</translation>
    </message>
    <message>
        <source>The server URL {server} is invalid: {reason}</source>
        <translation>L&apos;URL du serveur {server} n&apos;est pas valide : {reason}</translation>
    </message>
    <message>
        <source>The server URL {server} must start with http:// or https://</source>
        <translation>L&apos;URL du serveur {server} doit commencer par http:// ou https://</translation>
    </message>
    <message>
        <source>The TAG is longer than {limit} characters</source>
        <translation>Le TAG dépasse {limit} caractères</translation>
    </message>
    <message>
        <source>The TAG starts or ends with a space</source>
        <translation>Le TAG commence ou finit par une espace</translation>
    </message>
    <message>
        <source>The TAG is wrapped in quotes, which the agent would remove</source>
        <translation>Le TAG est entre guillemets, que l&apos;agent retirerait</translation>
    </message>
    <message>
        <source>Cannot write to {path}: {reason}</source>
        <translation>Impossible d&apos;écrire dans {path} : {reason}</translation>
    </message>
    <message>
        <source>{path} is not a Linux installer sidecar: {reason}</source>
        <translation>{path} n&apos;est pas le fichier JSON d&apos;un installateur Linux : {reason}</translation>
    </message>
    <message>
        <source>makeself is not installed (Debian package makeself)</source>
        <translation>makeself n&apos;est pas installé (paquet Debian makeself)</translation>
    </message>
    <message>
        <source>makeself failed: {reason}</source>
        <translation>makeself a échoué : {reason}</translation>
    </message>
</context>
<context>
    <name>AgentInstaller</name>
    <message>
        <source>Cannot read the sidecar {path}: {reason}</source>
        <translation>Impossible de lire le fichier compagnon {path} : {reason}</translation>
    </message>
    <message>
        <source>{path} is not a PEM CA certificate</source>
        <translation>{path} n&apos;est pas un certificat d&apos;autorité (CA) au format PEM</translation>
    </message>
    <message>
        <source>{path} is not a Windows executable</source>
        <translation>{path} n&apos;est pas un exécutable Windows</translation>
    </message>
    <message>
        <source>The server URL {url!r} is not a valid http(s) URL</source>
        <translation>L&apos;URL du serveur {url!r} n&apos;est pas une URL http(s) valide</translation>
    </message>
    <message>
        <source>The {what} {path} is not a file</source>
        <translation>{what} : {path} n&apos;est pas un fichier</translation>
    </message>
    <message>
        <source>The file name {name} may hold only letters, digits and . _ - +</source>
        <translation>Le nom de fichier {name} ne peut contenir que des lettres, des chiffres et . _ - +</translation>
    </message>
    <message>
        <source>The {field} value {value} holds characters not allowed</source>
        <translation>La valeur {value} du champ {field} contient des caractères interdits</translation>
    </message>
    <message>
        <source>The setup option {option!r} must read /NAME or /NAME=value (letters, digits and . : \ / @ , + - _)</source>
        <translation>L&apos;option d&apos;installation {option!r} doit s&apos;écrire /NOM ou /NOM=valeur (lettres, chiffres et . : \ / @ , + - _)</translation>
    </message>
    <message>
        <source>The setup option /{name} is set by its own field, not here</source>
        <translation>L&apos;option d&apos;installation /{name} se règle par son propre champ, pas ici</translation>
    </message>
    <message>
        <source>The setup option /{name} holds a password; it is not embedded in packages</source>
        <translation>L&apos;option d&apos;installation /{name} contient un mot de passe ; il n&apos;est pas intégré aux paquets</translation>
    </message>
    <message>
        <source>The output folder {path} is not a folder</source>
        <translation>Le dossier de sortie {path} n&apos;est pas un dossier</translation>
    </message>
    <message>
        <source>The label must be one line of at most {limit} Western European characters</source>
        <translation>Le libellé doit tenir sur une ligne d&apos;au plus {limit} caractères d&apos;Europe occidentale</translation>
    </message>
    <message>
        <source>The setup options exceed {limit} characters</source>
        <translation>Les options d&apos;installation dépassent {limit} caractères</translation>
    </message>
    <message>
        <source>Give a TAG or /NOTAG, not both</source>
        <translation>Donnez un TAG ou /NOTAG, pas les deux</translation>
    </message>
    <message>
        <source>The debug level must be 0, 1 or 2</source>
        <translation>Le niveau de débogage doit être 0, 1 ou 2</translation>
    </message>
    <message>
        <source>The package architecture must be x86 or x64, not {arch!r}</source>
        <translation>L&apos;architecture du paquet doit être x86 ou x64, pas {arch!r}</translation>
    </message>
    <message>
        <source>The proxy type must be 0 (none), 1 (HTTP), 2 or 3 (SOCKS)</source>
        <translation>Le type de proxy doit être 0 (aucun), 1 (HTTP), 2 ou 3 (SOCKS)</translation>
    </message>
    <message>
        <source>The proxy port must be 1 to 65535</source>
        <translation>Le port du proxy doit être compris entre 1 et 65535</translation>
    </message>
    <message>
        <source>Cannot read the agent setup {path}: {reason}</source>
        <translation>Impossible de lire l&apos;installateur de l&apos;agent {path} : {reason}</translation>
    </message>
    <message>
        <source>Cannot read the certificate {path}: {reason}</source>
        <translation>Impossible de lire le certificat {path} : {reason}</translation>
    </message>
    <message>
        <source>SSL is on: the agents need the CA certificate (cacert.pem)</source>
        <translation>SSL est activé : les agents ont besoin du certificat d&apos;autorité (cacert.pem)</translation>
    </message>
    <message>
        <source>Two plugins are named {name}</source>
        <translation>Deux plugins se nomment {name}</translation>
    </message>
    <message>
        <source>Proxy settings need a proxy type</source>
        <translation>Les réglages du proxy demandent un type de proxy</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>Impossible d&apos;écrire {path} : {reason}</translation>
    </message>
    <message>
        <source>makensis failed: {reason}</source>
        <translation>makensis a échoué : {reason}</translation>
    </message>
    <message>
        <source>Cannot run {program} (install NSIS): {reason}</source>
        <translation>Impossible de lancer {program} (installez NSIS) : {reason}</translation>
    </message>
    <message>
        <source>This is not an ocspackage.exe sidecar ({found})</source>
        <translation>Ce n&apos;est pas le fichier compagnon d&apos;un ocspackage.exe ({found})</translation>
    </message>
    <message>
        <source>The package had a proxy password: give it again to rebuild</source>
        <translation>Le paquet avait un mot de passe de proxy : donnez-le à nouveau pour le reconstruire</translation>
    </message>
    <message>
        <source>{path} is no longer the file the package was built from</source>
        <translation>{path} n&apos;est plus le fichier à partir duquel le paquet a été construit</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <source>Drop a file here, or Browse…</source>
        <translation>Déposez un fichier ici, ou Parcourir…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
</context>
<context>
    <name>InstallerBuildPage</name>
    <message>
        <source>Build</source>
        <translation>Construction</translation>
    </message>
    <message>
        <source>Build the installer and its sidecar; Cancel leaves nothing.</source>
        <translation>Construire l&apos;installateur et son fichier compagnon ; Annuler ne laisse rien.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Bu&amp;ild</source>
        <translation>Const&amp;ruire</translation>
    </message>
    <message>
        <source>&amp;Cancel build</source>
        <translation>A&amp;nnuler la construction</translation>
    </message>
    <message>
        <source>Output &amp;folder:</source>
        <translation>&amp;Dossier de sortie :</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <source>Choose the folder the installer is written to.</source>
        <translation>Choisissez le dossier où écrire l&apos;installateur.</translation>
    </message>
    <message>
        <source>Building…</source>
        <translation>Construction…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Built {0}.</source>
        <translation>{0} construit.</translation>
    </message>
    <message>
        <source>Not built: {0}</source>
        <translation>Non construit : {0}</translation>
    </message>
    <message>
        <source>The build failed: {0}</source>
        <translation>La construction a échoué : {0}</translation>
    </message>
    <message>
        <source>Build cancelled; nothing was written.</source>
        <translation>Construction annulée ; rien n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>InstallerErrors</name>
    <message>
        <source>agent setup</source>
        <translation>programme d&apos;installation de l&apos;agent</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>certificat</translation>
    </message>
    <message>
        <source>plugin</source>
        <translation>plugin</translation>
    </message>
    <message>
        <source>proxy host</source>
        <translation>hôte du proxy</translation>
    </message>
    <message>
        <source>proxy user</source>
        <translation>utilisateur du proxy</translation>
    </message>
    <message>
        <source>proxy password</source>
        <translation>mot de passe du proxy</translation>
    </message>
    <message>
        <source>server URL</source>
        <translation>URL du serveur</translation>
    </message>
    <message>
        <source>certificate path</source>
        <translation>chemin du certificat</translation>
    </message>
    <message>
        <source>output folder</source>
        <translation>dossier de sortie</translation>
    </message>
    <message>
        <source>unexpected character</source>
        <translation>caractère inattendu</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>pas d&apos;hôte</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>pas un dossier</translation>
    </message>
</context>
<context>
    <name>InstallerKindPage</name>
    <message>
        <source>Agent installer</source>
        <translation>Installateur d&apos;agent</translation>
    </message>
    <message>
        <source>Choose the kind of installer to build.</source>
        <translation>Choisissez le type d&apos;installateur à construire.</translation>
    </message>
    <message>
        <source>&amp;Windows: ocspackage.exe</source>
        <translation>&amp;Windows : ocspackage.exe</translation>
    </message>
    <message>
        <source>&amp;Linux: self-extracting installer (.run)</source>
        <translation>&amp;Linux : installateur auto-extractible (.run)</translation>
    </message>
    <message>
        <source>Wraps the official Windows agent setup you supply with the server, its certificate, TAG, label and plugins into one silent package that asks for administrator rights. Built with NSIS (makensis).</source>
        <translation>Emballe le programme d&apos;installation officiel de l&apos;agent Windows que vous fournissez avec le serveur, son certificat, le TAG, le libellé et les plugins dans un paquet silencieux qui demande les droits d&apos;administrateur. Construit avec NSIS (makensis).</translation>
    </message>
    <message>
        <source>A makeself archive for Debian and Ubuntu that installs ocsinventory-agent, configures it for the server and schedules its daily run.</source>
        <translation>Une archive makeself pour Debian et Ubuntu qui installe ocsinventory-agent, le configure pour le serveur et planifie son passage quotidien.</translation>
    </message>
</context>
<context>
    <name>InstallerWizard</name>
    <message>
        <source>Start &amp;over</source>
        <translation>Recomm&amp;encer</translation>
    </message>
    <message>
        <source>ocspackage.exe around {0}, reporting to {1}.</source>
        <translation>ocspackage.exe autour de {0}, rapportant à {1}.</translation>
    </message>
    <message>
        <source>ocs-agent-installer.run for Debian and Ubuntu, reporting to {0}.</source>
        <translation>ocs-agent-installer.run pour Debian et Ubuntu, rapportant à {0}.</translation>
    </message>
</context>
<context>
    <name>LinuxPage</name>
    <message>
        <source>Linux agent installer</source>
        <translation>Installateur de l&apos;agent Linux</translation>
    </message>
    <message>
        <source>A self-extracting installer for Debian and Ubuntu: it installs ocsinventory-agent from the distribution and sets up its daily run.</source>
        <translation>Un installateur auto-extractible pour Debian et Ubuntu : il installe ocsinventory-agent depuis la distribution et planifie son passage quotidien.</translation>
    </message>
    <message>
        <source>empty: no TAG</source>
        <translation>vide : pas de TAG</translation>
    </message>
    <message>
        <source>Send the first inventory at once</source>
        <translation>Envoyer le premier inventaire tout de suite</translation>
    </message>
    <message>
        <source>Run it as root: sudo ./ocs-agent-installer.run; add -- --server URL, --tag T or --no-tag, --no-ssl, --no-first-run to override these choices.</source>
        <translation>Lancez-le en root : sudo ./ocs-agent-installer.run ; ajoutez -- --server URL, --tag T ou --no-tag, --no-ssl, --no-first-run pour remplacer ces choix.</translation>
    </message>
    <message>
        <source>Se&amp;rver URL:</source>
        <translation>URL du se&amp;rveur :</translation>
    </message>
    <message>
        <source>CA &amp;certificate:</source>
        <translation>&amp;Certificat de l&apos;AC :</translation>
    </message>
    <message>
        <source>&amp;TAG:</source>
        <translation>&amp;TAG :</translation>
    </message>
</context>
<context>
    <name>OutputsPanel</name>
    <message>
        <source>Outputs</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Open fol&amp;der</source>
        <translation>Ouvrir le d&amp;ossier</translation>
    </message>
    <message>
        <source>Copy &amp;SHA-256</source>
        <translation>Copier le S&amp;HA-256</translation>
    </message>
    <message>
        <source>Publish as &amp;agent file…</source>
        <translation>Publier comme fichier d&apos;&amp;agent…</translation>
    </message>
    <message>
        <source>Publish as u&amp;pgrade package…</source>
        <translation>Publier comme paquet de &amp;mise à jour…</translation>
    </message>
    <message>
        <source>Installer:</source>
        <translation>Installateur :</translation>
    </message>
    <message>
        <source>Sidecar:</source>
        <translation>Fichier compagnon :</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256 :</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille :</translation>
    </message>
    <message>
        <source>SHA-256 copied to the clipboard.</source>
        <translation>SHA-256 copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Publish as agent file</source>
        <translation>Publier comme fichier d&apos;agent</translation>
    </message>
    <message>
        <source>Store {0} in the database {1} as the agent file ocspackage.exe? Agents and users fetch it at /ocsinventory/deploy/ocspackage.exe; a previous one is replaced.</source>
        <translation>Enregistrer {0} dans la base {1} comme fichier d&apos;agent ocspackage.exe ? Les agents et les utilisateurs le récupèrent à /ocsinventory/deploy/ocspackage.exe ; le précédent est remplacé.</translation>
    </message>
    <message>
        <source>Published ({0}): agents fetch it at /ocsinventory/deploy/{1}.</source>
        <translation>Publié ({0}) : les agents le récupèrent à /ocsinventory/deploy/{1}.</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Publication…</translation>
    </message>
    <message>
        <source>Not published: the package is {0}, above the limit of {1}.</source>
        <translation>Non publié : le paquet fait {0}, au-delà de la limite de {1}.</translation>
    </message>
    <message>
        <source>Not published: {0}</source>
        <translation>Non publié : {0}</translation>
    </message>
    <message>
        <source>Publish as upgrade package</source>
        <translation>Publier comme paquet de mise à jour</translation>
    </message>
    <message>
        <source>Record in the database {0} a deployment package that upgrades the Windows agents with these choices (the setup with /UPGRADE, as OCS advises)? It is neither activated nor assigned: do that from the Deployment page.</source>
        <translation>Enregistrer dans la base {0} un paquet de déploiement qui met à jour les agents Windows avec ces choix (le programme d&apos;installation avec /UPGRADE, comme OCS le conseille) ? Il n&apos;est ni activé ni affecté : faites-le depuis la page Déploiement.</translation>
    </message>
    <message>
        <source>Recorded as package {0}: activate and assign it from the Deployment page.</source>
        <translation>Enregistré comme paquet {0} : activez-le et affectez-le depuis la page Déploiement.</translation>
    </message>
</context>
<context>
    <name>PluginsList</name>
    <message>
        <source>Drop plugin files here</source>
        <translation>Déposez les fichiers de plugins ici</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Add plugins</source>
        <translation>Ajouter des plugins</translation>
    </message>
</context>
<context>
    <name>ServerFields</name>
    <message>
        <source>Server CA certificate</source>
        <translation>Certificat de l&apos;AC du serveur</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate (SSL)</source>
        <translation>Vérifier le certificat du serveur (SSL)</translation>
    </message>
</context>
<context>
    <name>WindowsOptionsPage</name>
    <message>
        <source>Windows agent: options</source>
        <translation>Agent Windows : options</translation>
    </message>
    <message>
        <source>Options given to the agent setup; arguments given to ocspackage.exe itself take precedence.</source>
        <translation>Options passées au programme d&apos;installation de l&apos;agent ; les arguments donnés à ocspackage.exe lui-même l&apos;emportent.</translation>
    </message>
    <message>
        <source>text shown when the agent asks for the TAG</source>
        <translation>texte affiché quand l&apos;agent demande le TAG</translation>
    </message>
    <message>
        <source>Send an inventory right after setup (/NOW)</source>
        <translation>Inventaire juste après l&apos;installation (/NOW)</translation>
    </message>
    <message>
        <source>No splash screen (/NOSPLASH)</source>
        <translation>Sans écran d&apos;accueil (/NOSPLASH)</translation>
    </message>
    <message>
        <source>Off (0)</source>
        <translation>Désactivé (0)</translation>
    </message>
    <message>
        <source>Normal (1)</source>
        <translation>Normal (1)</translation>
    </message>
    <message>
        <source>Verbose (2)</source>
        <translation>Détaillé (2)</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Sans proxy</translation>
    </message>
    <message>
        <source>host</source>
        <translation>hôte</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <source>Never remembered by the console.</source>
        <translation>Jamais mémorisé par la console.</translation>
    </message>
    <message>
        <source>&amp;Debug:</source>
        <translation>&amp;Débogage :</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé :</translation>
    </message>
    <message>
        <source>&amp;Plugins:</source>
        <translation>Plu&amp;gins :</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy :</translation>
    </message>
    <message>
        <source>&amp;Extra options:</source>
        <translation>Autr&amp;es options :</translation>
    </message>
    <message>
        <source>32-bit (x86, every Windows)</source>
        <translation>32 bits (x86, tout Windows)</translation>
    </message>
    <message>
        <source>64-bit (x64)</source>
        <translation>64 bits (x64)</translation>
    </message>
    <message>
        <source>The architecture of ocspackage.exe itself; the agent setup inside keeps its own.</source>
        <translation>L&apos;architecture d&apos;ocspackage.exe lui-même ; le programme d&apos;installation de l&apos;agent qu&apos;il contient garde la sienne.</translation>
    </message>
    <message>
        <source>Package &amp;architecture:</source>
        <translation>&amp;Architecture du paquet :</translation>
    </message>
</context>
<context>
    <name>WindowsSetupPage</name>
    <message>
        <source>Windows agent: setup and server</source>
        <translation>Agent Windows : installation et serveur</translation>
    </message>
    <message>
        <source>Drop the official OCS-NG-Windows-Agent-Setup.exe here; it is packaged, never downloaded. Agents report to the server below.</source>
        <translation>Déposez ici l&apos;OCS-NG-Windows-Agent-Setup.exe officiel ; il est empaqueté, jamais téléchargé. Les agents rapportent au serveur ci-dessous.</translation>
    </message>
    <message>
        <source>Windows agent setup</source>
        <translation>Programme d&apos;installation de l&apos;agent Windows</translation>
    </message>
    <message>
        <source>Programs (*.exe);;All files (*)</source>
        <translation>Programmes (*.exe);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Set the &amp;TAG:</source>
        <translation>Fixer le &amp;TAG :</translation>
    </message>
    <message>
        <source>As&amp;k the user at installation</source>
        <translation>&amp;Demander à l&apos;utilisateur à l&apos;installation</translation>
    </message>
    <message>
        <source>No TA&amp;G (/NOTAG)</source>
        <translation>Pas de TA&amp;G (/NOTAG)</translation>
    </message>
    <message>
        <source>Agent &amp;setup:</source>
        <translation>&amp;Installation de l&apos;agent :</translation>
    </message>
    <message>
        <source>Se&amp;rver URL:</source>
        <translation>URL du se&amp;rveur :</translation>
    </message>
    <message>
        <source>CA &amp;certificate:</source>
        <translation>&amp;Certificat de l&apos;AC :</translation>
    </message>
    <message>
        <source>TAG:</source>
        <translation>TAG :</translation>
    </message>
</context>
<context>
    <name>NetworkMapView</name>
    <message>
        <source>Network map</source>
        <translation>Carte du réseau</translation>
    </message>
    <message>
        <source>Find an IP, MAC or name</source>
        <translation>Chercher une IP, une MAC ou un nom</translation>
    </message>
    <message>
        <source>Find a host</source>
        <translation>Chercher un hôte</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom avant (+)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Zoom arrière (-)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Show the whole map (0)</source>
        <translation>Afficher toute la carte (0)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Save the map as a picture</source>
        <translation>Enregistrer la carte comme image</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>Image PNG…</translation>
    </message>
    <message>
        <source>SVG drawing…</source>
        <translation>Dessin SVG…</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>{subnets} · {hosts} · {unknown}</source>
        <translation>{subnets} · {hosts} · {unknown}</translation>
    </message>
    <message numerus="yes">
        <source>%n subnet(s)</source>
        <translation>
            <numerusform>%n sous-réseau</numerusform>
            <numerusform>%n sous-réseaux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n hôte</numerusform>
            <numerusform>%n hôtes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not inventoried</source>
        <translation>
            <numerusform>%n non inventorié</numerusform>
            <numerusform>%n non inventoriés</numerusform>
        </translation>
    </message>
    <message>
        <source>Not inventoried</source>
        <translation>Non inventorié</translation>
    </message>
    <message>
        <source>Inventoried</source>
        <translation>Inventorié</translation>
    </message>
    <message>
        <source>IP discovery scanner</source>
        <translation>Scanner de découverte IP</translation>
    </message>
    <message>
        <source>Identified: {type}</source>
        <translation>Identifié : {type}</translation>
    </message>
    <message>
        <source>Identified, no type</source>
        <translation>Identifié, sans type</translation>
    </message>
    <message>
        <source>No host matches “{text}”.</source>
        <translation>Aucun hôte ne correspond à « {text} ».</translation>
    </message>
    <message>
        <source>Match {index} of {count}: {host}</source>
        <translation>Résultat {index} sur {count} : {host}</translation>
    </message>
    <message>
        <source>IP discovery scanner (inventoried)</source>
        <translation>Scanner de découverte IP (inventorié)</translation>
    </message>
    <message>
        <source>Inventoried machine</source>
        <translation>Machine inventoriée</translation>
    </message>
    <message>
        <source>Identified device</source>
        <translation>Équipement identifié</translation>
    </message>
    <message>
        <source>Election forced by an operator</source>
        <translation>Élection forcée par un opérateur</translation>
    </message>
    <message>
        <source>Type: {type}</source>
        <translation>Type : {type}</translation>
    </message>
    <message>
        <source>IP: {ip}</source>
        <translation>IP : {ip}</translation>
    </message>
    <message>
        <source>MAC: {mac}</source>
        <translation>MAC : {mac}</translation>
    </message>
    <message>
        <source>Last seen: {date}</source>
        <translation>Vu pour la dernière fois : {date}</translation>
    </message>
    <message>
        <source>Click to open the machine</source>
        <translation>Cliquer pour ouvrir la machine</translation>
    </message>
    <message>
        <source>Click to identify this device</source>
        <translation>Cliquer pour identifier cet équipement</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>Export the network map</source>
        <translation>Exporter la carte du réseau</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Enregistré : {path}</translation>
    </message>
</context>
<context>
    <name>DeviceTypesDialog</name>
    <message>
        <source>Device types</source>
        <translation>Types d’appareils</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message numerus="yes">
        <source>{0} (%n device(s))</source>
        <translation>
            <numerusform>{0} (%n appareil)</numerusform>
            <numerusform>{0} (%n appareils)</numerusform>
        </translation>
    </message>
    <message>
        <source>Type {0} added</source>
        <translation>Type {0} ajouté</translation>
    </message>
    <message>
        <source>Type {0} renamed to {1}</source>
        <translation>Type {0} renommé en {1}</translation>
    </message>
    <message>
        <source>Type {0} deleted</source>
        <translation>Type {0} supprimé</translation>
    </message>
    <message>
        <source>Add a type</source>
        <translation>Ajouter un type</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Rename a type</source>
        <translation>Renommer un type</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom :</translation>
    </message>
</context>
<context>
    <name>HostsModel</name>
    <message>
        <source>IP address</source>
        <translation>Adresse IP</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>Adresse MAC</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Masque</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu le</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Système d’exploitation</translation>
    </message>
    <message>
        <source>Last inventory</source>
        <translation>Dernier inventaire</translation>
    </message>
    <message>
        <source>Election</source>
        <translation>Élection</translation>
    </message>
    <message>
        <source>forced</source>
        <translation>forcé</translation>
    </message>
    <message>
        <source>elected</source>
        <translation>élu</translation>
    </message>
</context>
<context>
    <name>IdentifyDialog</name>
    <message>
        <source>Identify a device</source>
        <translation>Identifier un appareil</translation>
    </message>
    <message>
        <source>There is no device type yet: add one with Device types… first.</source>
        <translation>Aucun type d’appareil pour l’instant : ajoutez-en un avec Types d’appareils… d’abord.</translation>
    </message>
    <message>
        <source>MAC address:</source>
        <translation>Adresse MAC :</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
    <message>
        <source>Identified by:</source>
        <translation>Identifié par :</translation>
    </message>
</context>
<context>
    <name>NameSubnetDialog</name>
    <message>
        <source>Name a subnet</source>
        <translation>Nommer un sous-réseau</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Réseau :</translation>
    </message>
    <message>
        <source>TAG:</source>
        <translation>TAG :</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Mask:</source>
        <translation>Masque :</translation>
    </message>
</context>
<context>
    <name>NetworkErrors</name>
    <message>
        <source>{field} cannot be empty</source>
        <translation>{field} ne peut pas être vide</translation>
    </message>
    <message>
        <source>{field} is at most {limit} characters</source>
        <translation>{field} fait au plus {limit} caractères</translation>
    </message>
    <message>
        <source>{field} contains control characters</source>
        <translation>{field} contient des caractères de contrôle</translation>
    </message>
    <message>
        <source>{value} is not a MAC address (six hex pairs, e.g. 00:11:22:AA:BB:CC)</source>
        <translation>{value} n’est pas une adresse MAC (six paires hexadécimales, p. ex. 00:11:22:AA:BB:CC)</translation>
    </message>
    <message>
        <source>{value} is not an IPv4 address (e.g. 192.168.1.0)</source>
        <translation>{value} n’est pas une adresse IPv4 (p. ex. 192.168.1.0)</translation>
    </message>
    <message>
        <source>{value} is not a network mask (e.g. 255.255.255.0)</source>
        <translation>{value} n’est pas un masque de réseau (p. ex. 255.255.255.0)</translation>
    </message>
    <message>
        <source>{value} is not the network address of mask {mask}</source>
        <translation>{value} n’est pas l’adresse de réseau du masque {mask}</translation>
    </message>
    <message>
        <source>the age must be a whole number of days ≥ 1</source>
        <translation>l’âge doit être un nombre entier de jours ≥ 1</translation>
    </message>
    <message>
        <source>there is no device type {value}</source>
        <translation>il n’y a pas de type d’appareil {value}</translation>
    </message>
    <message>
        <source>the device type {value} already exists</source>
        <translation>le type d’appareil {value} existe déjà</translation>
    </message>
    <message>
        <source>the device type {value} is given to {count} identified device(s)</source>
        <translation>le type d’appareil {value} est donné à {count} appareil(s) identifié(s)</translation>
    </message>
    <message>
        <source>there is no machine with ID {value}</source>
        <translation>il n’y a pas de machine d’ID {value}</translation>
    </message>
    <message>
        <source>machine {value} has no interface up on a subnet to scan</source>
        <translation>la machine {value} n’a aucune interface active sur un sous-réseau à analyser</translation>
    </message>
    <message>
        <source>{value} is not blacklisted</source>
        <translation>{value} n’est pas sur la liste noire</translation>
    </message>
    <message>
        <source>{value} is already blacklisted</source>
        <translation>{value} est déjà sur la liste noire</translation>
    </message>
    <message>
        <source>no discovered host has the MAC {value}</source>
        <translation>aucun hôte découvert n’a la MAC {value}</translation>
    </message>
    <message>
        <source>{value} belongs to an inventoried machine</source>
        <translation>{value} appartient à une machine inventoriée</translation>
    </message>
    <message>
        <source>the MAC address</source>
        <translation>l’adresse MAC</translation>
    </message>
    <message>
        <source>the network address</source>
        <translation>l’adresse de réseau</translation>
    </message>
    <message>
        <source>the mask</source>
        <translation>le masque</translation>
    </message>
    <message>
        <source>the description</source>
        <translation>la description</translation>
    </message>
    <message>
        <source>the device type</source>
        <translation>le type d’appareil</translation>
    </message>
    <message>
        <source>the user</source>
        <translation>l’utilisateur</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>le nom</translation>
    </message>
    <message>
        <source>the TAG</source>
        <translation>le TAG</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>Subnets</source>
        <translation>Sous-réseaux</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Name…</source>
        <translation>Nommer…</translation>
    </message>
    <message>
        <source>Give the selected subnet a name</source>
        <translation>Donner un nom au sous-réseau sélectionné</translation>
    </message>
    <message>
        <source>Blacklist</source>
        <translation>Mettre en liste noire</translation>
    </message>
    <message>
        <source>Never elect a scanner on the selected subnet</source>
        <translation>Ne jamais élire d’analyseur sur le sous-réseau sélectionné</translation>
    </message>
    <message>
        <source>Scan now…</source>
        <translation>Analyser…</translation>
    </message>
    <message>
        <source>Scan this subnet now</source>
        <translation>Analyser ce sous-réseau maintenant</translation>
    </message>
    <message>
        <source>Device types…</source>
        <translation>Types d’appareils…</translation>
    </message>
    <message>
        <source>Blacklisted…</source>
        <translation>Liste noire…</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>Purger…</translation>
    </message>
    <message>
        <source>Delete hosts not seen for some days</source>
        <translation>Supprimer les hôtes non vus depuis quelques jours</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export the list shown below</source>
        <translation>Exporter la liste affichée en dessous</translation>
    </message>
    <message numerus="yes">
        <source>%n subnet(s)</source>
        <translation>
            <numerusform>%n sous-réseau</numerusform>
            <numerusform>%n sous-réseaux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n non-inventoried host(s) to look at</source>
        <translation>
            <numerusform>%n hôte non inventorié à examiner</numerusform>
            <numerusform>%n hôtes non inventoriés à examiner</numerusform>
        </translation>
    </message>
    <message>
        <source>No subnet selected.</source>
        <translation>Aucun sous-réseau sélectionné.</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>Hosts of {0} ({1})</source>
        <translation>Hôtes de {0} ({1})</translation>
    </message>
    <message>
        <source>Non-inventoried ({0})</source>
        <translation>Non inventoriés ({0})</translation>
    </message>
    <message>
        <source>Identified ({0})</source>
        <translation>Identifiés ({0})</translation>
    </message>
    <message>
        <source>Inventoried ({0})</source>
        <translation>Inventoriés ({0})</translation>
    </message>
    <message>
        <source>Scanners ({0})</source>
        <translation>Analyseurs ({0})</translation>
    </message>
    <message>
        <source>Identify…</source>
        <translation>Identifier…</translation>
    </message>
    <message>
        <source>Edit identification…</source>
        <translation>Modifier l’identification…</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n host(s)</source>
        <translation>
            <numerusform>Supprimer %n hôte</numerusform>
            <numerusform>Supprimer %n hôtes</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the scanner</source>
        <translation>Ouvrir l’analyseur</translation>
    </message>
    <message>
        <source>Open the machine</source>
        <translation>Ouvrir la machine</translation>
    </message>
    <message>
        <source>Force it to scan this subnet</source>
        <translation>La forcer à analyser ce sous-réseau</translation>
    </message>
    <message>
        <source>Never let it scan</source>
        <translation>Ne jamais la laisser analyser</translation>
    </message>
    <message>
        <source>Let the server decide</source>
        <translation>Laisser le serveur décider</translation>
    </message>
    <message>
        <source>{0} identified as {1}</source>
        <translation>{0} identifié comme {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) deleted</source>
        <translation>
            <numerusform>%n hôte supprimé</numerusform>
            <numerusform>%n hôtes supprimés</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete hosts</source>
        <translation>Supprimer des hôtes</translation>
    </message>
    <message numerus="yes">
        <source>Forget %n discovered host(s) and their identification? The next scan finds them again if they are still there.</source>
        <translation>
            <numerusform>Oublier %n hôte découvert et son identification ? La prochaine analyse le retrouvera s’il est toujours là.</numerusform>
            <numerusform>Oublier %n hôtes découverts et leur identification ? La prochaine analyse les retrouvera s’ils sont toujours là.</numerusform>
        </translation>
    </message>
    <message>
        <source>Machine {0} forced to scan {1}</source>
        <translation>Machine {0} forcée à analyser {1}</translation>
    </message>
    <message>
        <source>Machine {0} will never scan</source>
        <translation>La machine {0} n’analysera jamais</translation>
    </message>
    <message>
        <source>The server decides whether machine {0} scans</source>
        <translation>Le serveur décide si la machine {0} analyse</translation>
    </message>
    <message>
        <source>Subnet {0} named {1}</source>
        <translation>Sous-réseau {0} nommé {1}</translation>
    </message>
    <message>
        <source>Subnet {0} blacklisted</source>
        <translation>Sous-réseau {0} mis sur liste noire</translation>
    </message>
    <message>
        <source>Blacklist a subnet</source>
        <translation>Mettre un sous-réseau sur liste noire</translation>
    </message>
    <message>
        <source>Never elect a scanner on {0}? Its scanners stop at their next inventory.</source>
        <translation>Ne jamais élire d’analyseur sur {0} ? Ses analyseurs s’arrêtent à leur prochain inventaire.</translation>
    </message>
    <message numerus="yes">
        <source>%n old host(s) purged</source>
        <translation>
            <numerusform>%n ancien hôte purgé</numerusform>
            <numerusform>%n anciens hôtes purgés</numerusform>
        </translation>
    </message>
    <message>
        <source>Purge old hosts</source>
        <translation>Purger les anciens hôtes</translation>
    </message>
    <message>
        <source>Delete the hosts no scan has seen for this many days:</source>
        <translation>Supprimer les hôtes qu’aucune analyse n’a vus depuis ce nombre de jours :</translation>
    </message>
    <message>
        <source>The map is not available.</source>
        <translation>La carte n’est pas disponible.</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) exported to {0}</source>
        <translation>
            <numerusform>%n hôte exporté vers {0}</numerusform>
            <numerusform>%n hôtes exportés vers {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Export hosts</source>
        <translation>Exporter les hôtes</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>SubnetBlacklistDialog</name>
    <message>
        <source>Blacklisted subnets</source>
        <translation>Sous-réseaux sur liste noire</translation>
    </message>
    <message>
        <source>The server never elects a scanner on these subnets.</source>
        <translation>Le serveur n’élit jamais d’analyseur sur ces sous-réseaux.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>SubnetsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Masque</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <source>Inventoried</source>
        <translation>Inventoriés</translation>
    </message>
    <message>
        <source>Non-inventoried</source>
        <translation>Non inventoriés</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Identifiés</translation>
    </message>
    <message>
        <source>Scanners</source>
        <translation>Analyseurs</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(sans nom)</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>B</source>
        <translation>o</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>Kio</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>Mio</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>Gio</translation>
    </message>
    <message>
        <source>TiB</source>
        <translation>Tio</translation>
    </message>
    <message>
        <source>PiB</source>
        <translation>Pio</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>octets</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>Identifiant d'appareil</translation>
    </message>
    <message>
        <source>Domain or workgroup</source>
        <translation>Domaine ou groupe de travail</translation>
    </message>
    <message>
        <source>User domain</source>
        <translation>Domaine de l'utilisateur</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Système d'exploitation</translation>
    </message>
    <message>
        <source>OS version</source>
        <translation>Version du système</translation>
    </message>
    <message>
        <source>OS details</source>
        <translation>Détails du système</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Processeur</translation>
    </message>
    <message>
        <source>Processor speed</source>
        <translation>Fréquence du processeur</translation>
    </message>
    <message>
        <source>Processors</source>
        <translation>Processeurs</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>Mémoire d'échange</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Adresse IP</translation>
    </message>
    <message>
        <source>DNS servers</source>
        <translation>Serveurs DNS</translation>
    </message>
    <message>
        <source>Default gateway</source>
        <translation>Passerelle par défaut</translation>
    </message>
    <message>
        <source>Last user</source>
        <translation>Dernier utilisateur</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Registered company</source>
        <translation>Société enregistrée</translation>
    </message>
    <message>
        <source>Registered owner</source>
        <translation>Propriétaire enregistré</translation>
    </message>
    <message>
        <source>Windows product ID</source>
        <translation>ID de produit Windows</translation>
    </message>
    <message>
        <source>Windows product key</source>
        <translation>Clé de produit Windows</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Last inventory</source>
        <translation>Dernier inventaire</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>Address seen by the server</source>
        <translation>Adresse vue par le serveur</translation>
    </message>
    <message>
        <source>Agent execution time</source>
        <translation>Durée d'exécution de l'agent</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <source>Fidelity</source>
        <translation>Fidélité</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Somme de contrôle</translation>
    </message>
    <message>
        <source>Session state</source>
        <translation>État de session</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivée</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Fabricant</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>Chassis type</source>
        <translation>Type de châssis</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>Numéro d'inventaire</translation>
    </message>
    <message>
        <source>BIOS manufacturer</source>
        <translation>Fabricant du BIOS</translation>
    </message>
    <message>
        <source>BIOS version</source>
        <translation>Version du BIOS</translation>
    </message>
    <message>
        <source>BIOS date</source>
        <translation>Date du BIOS</translation>
    </message>
    <message>
        <source>Motherboard manufacturer</source>
        <translation>Fabricant de la carte mère</translation>
    </message>
    <message>
        <source>Motherboard model</source>
        <translation>Modèle de la carte mère</translation>
    </message>
    <message>
        <source>Motherboard serial number</source>
        <translation>Numéro de série de la carte mère</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>Current speed</source>
        <translation>Vitesse actuelle</translation>
    </message>
    <message>
        <source>Cores</source>
        <translation>Cœurs</translation>
    </message>
    <message>
        <source>Logical processors</source>
        <translation>Processeurs logiques</translation>
    </message>
    <message>
        <source>L2 cache</source>
        <translation>Cache L2</translation>
    </message>
    <message>
        <source>Data width (bits)</source>
        <translation>Largeur des données (bits)</translation>
    </message>
    <message>
        <source>Address width (bits)</source>
        <translation>Largeur d'adresse (bits)</translation>
    </message>
    <message>
        <source>Voltage</source>
        <translation>Tension</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>Slot number</source>
        <translation>Numéro d'emplacement</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Micrologiciel</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>Type or mount point</source>
        <translation>Type ou point de montage</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>File system</source>
        <translation>Système de fichiers</translation>
    </message>
    <message>
        <source>Total size</source>
        <translation>Taille totale</translation>
    </message>
    <message>
        <source>Free space</source>
        <translation>Espace libre</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>MIB type</source>
        <translation>Type MIB</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>Adresse MAC</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Subnet mask</source>
        <translation>Masque de sous-réseau</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Passerelle</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>Sous-réseau</translation>
    </message>
    <message>
        <source>DHCP server</source>
        <translation>Serveur DHCP</translation>
    </message>
    <message>
        <source>Virtual</source>
        <translation>Virtuelle</translation>
    </message>
    <message>
        <source>Chipset</source>
        <translation>Jeu de puces</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Pilote</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Print server</source>
        <translation>Serveur d'impression</translation>
    </message>
    <message>
        <source>Share name</source>
        <translation>Nom de partage</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Partagé</translation>
    </message>
    <message>
        <source>Network printer</source>
        <translation>Imprimante réseau</translation>
    </message>
    <message>
        <source>Pointing type</source>
        <translation>Type de pointage</translation>
    </message>
    <message>
        <source>Designation</source>
        <translation>Désignation</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installé le</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>Bits</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>GUID</source>
        <translation>GUID</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Hypervisor</source>
        <translation>Hyperviseur</translation>
    </message>
    <message>
        <source>Virtual processors</source>
        <translation>Processeurs virtuels</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
</context>
<context>
    <name>MachineTree</name>
    <message>
        <source>Hardware</source>
        <translation>Matériel</translation>
    </message>
    <message>
        <source>BIOS</source>
        <translation>BIOS</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>Processeurs</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>Drives</source>
        <translation>Lecteurs</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>Controllers</source>
        <translation>Contrôleurs</translation>
    </message>
    <message>
        <source>Monitors</source>
        <translation>Moniteurs</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Imprimantes</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Modems</source>
        <translation>Modems</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Slots</source>
        <translation>Emplacements</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Logiciels</translation>
    </message>
    <message>
        <source>Virtual machines</source>
        <translation>Machines virtuelles</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registre</translation>
    </message>
    <message>
        <source>Administrative data</source>
        <translation>Données administratives</translation>
    </message>
</context>
<context>
    <name>MachineTreeModel</name>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Éléments</translation>
    </message>
    <message>
        <source>#{0}</source>
        <translation>n° {0}</translation>
    </message>
</context>
<context>
    <name>PropertySheetModel</name>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
</context>
<context>
    <name>SummaryCard</name>
    <message>
        <source>{0}: {1}</source>
        <translation>{0} : {1}</translation>
    </message>
    <message>
        <source>{0}: {1} free of {2}</source>
        <translation>{0} : {1} libres sur {2}</translation>
    </message>
    <message>
        <source>(dynamic)</source>
        <translation>(dynamique)</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>{0} × {1}</source>
        <translation>{0} × {1}</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Système d'exploitation</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Processeur</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>Disques</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adresses</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <source>Last inventory</source>
        <translation>Dernier inventaire</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Paquets</translation>
    </message>
</context>
<context>
    <name>LocalServerControl</name>
    <message>
        <source>&amp;Start local server…</source>
        <translation>&amp;Démarrer le serveur local…</translation>
    </message>
    <message>
        <source>S&amp;top local server</source>
        <translation>&amp;Arrêter le serveur local</translation>
    </message>
    <message>
        <source>&amp;Copy the agents' server address</source>
        <translation>&amp;Copier l'adresse du serveur pour les agents</translation>
    </message>
    <message>
        <source>Se&amp;rver</source>
        <translation>Se&amp;rveur</translation>
    </message>
    <message>
        <source>Server: starting…</source>
        <translation>Serveur : démarrage…</translation>
    </message>
    <message>
        <source>Local server started: agents can report to {0}</source>
        <translation>Serveur local démarré : les agents peuvent envoyer leurs inventaires à {0}</translation>
    </message>
    <message>
        <source>Inventory received from {0}</source>
        <translation>Inventaire reçu de {0}</translation>
    </message>
    <message>
        <source>Local server stopped</source>
        <translation>Serveur local arrêté</translation>
    </message>
    <message>
        <source>The local server stopped: {0}</source>
        <translation>Le serveur local s'est arrêté : {0}</translation>
    </message>
    <message numerus="yes">
        <source>Server: {0} — %n machine(s) reported</source>
        <translation>
            <numerusform>Serveur : {0} — %n machine a répondu</numerusform>
            <numerusform>Serveur : {0} — %n machines ont répondu</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocalServerDialog</name>
    <message>
        <source>Start the local server</source>
        <translation>Démarrer le serveur local</translation>
    </message>
    <message>
        <source>Every network interface (agents on the LAN)</source>
        <translation>Toutes les interfaces réseau (agents du réseau local)</translation>
    </message>
    <message>
        <source>This computer only (127.0.0.1)</source>
        <translation>Cet ordinateur seulement (127.0.0.1)</translation>
    </message>
    <message>
        <source>Also serve HTTPS</source>
        <translation>Servir aussi en HTTPS</translation>
    </message>
    <message>
        <source>server.pem of cert init</source>
        <translation>server.pem de cert init</translation>
    </message>
    <message>
        <source>server.key of cert init</source>
        <translation>server.key de cert init</translation>
    </message>
    <message>
        <source>Start it whenever the console opens on this database</source>
        <translation>Le démarrer chaque fois que la console s'ouvre sur cette base</translation>
    </message>
    <message>
        <source>The server runs in its own process on the database this console shows, and stops with the console. Point agents at the address shown in the status bar.</source>
        <translation>Le serveur tourne dans son propre processus sur la base affichée par cette console, et s'arrête avec elle. Indiquez aux agents l'adresse affichée dans la barre d'état.</translation>
    </message>
    <message>
        <source>Listen on:</source>
        <translation>Écouter sur :</translation>
    </message>
    <message>
        <source>HTTP port:</source>
        <translation>Port HTTP :</translation>
    </message>
    <message>
        <source>HTTPS port:</source>
        <translation>Port HTTPS :</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificat :</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Clé privée :</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>HTTP and HTTPS need two different ports.</source>
        <translation>HTTP et HTTPS doivent utiliser deux ports différents.</translation>
    </message>
    <message>
        <source>HTTPS needs the server certificate file (make one with cert init).</source>
        <translation>HTTPS a besoin du fichier de certificat du serveur (créez-le avec cert init).</translation>
    </message>
    <message>
        <source>HTTPS needs the server key file (make one with cert init).</source>
        <translation>HTTPS a besoin du fichier de clé du serveur (créez-le avec cert init).</translation>
    </message>
</context>
<context>
    <name>SearchErrors</name>
    <message>
        <source>&apos;{value}&apos; is not a number</source>
        <translation>« {value} » n&apos;est pas un nombre</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date (YYYY-MM-DD [HH:MM[:SS]])</source>
        <translation>« {value} » n&apos;est pas une date (JJ/MM/AAAA ou AAAA-MM-JJ [HH:MM[:SS]])</translation>
    </message>
    <message>
        <source>unknown operator &apos;{operator}&apos;</source>
        <translation>opérateur « {operator} » inconnu</translation>
    </message>
    <message>
        <source>operator {operator} does not apply to {field}</source>
        <translation>l&apos;opérateur {operator} ne s&apos;applique pas à {field}</translation>
    </message>
    <message>
        <source>unknown search field &apos;{key}&apos;</source>
        <translation>champ de recherche « {key} » inconnu</translation>
    </message>
</context>
<context>
    <name>SearchText</name>
    <message>
        <source>&quot;{0}&quot;</source>
        <translation>« {0} »</translation>
    </message>
    <message>
        <source>not ({0})</source>
        <translation>non ({0})</translation>
    </message>
    <message>
        <source>all machines</source>
        <translation>toutes les machines</translation>
    </message>
    <message>
        <source>and</source>
        <translation>et</translation>
    </message>
    <message>
        <source>or</source>
        <translation>ou</translation>
    </message>
</context>
<context>
    <name>PackageSpec</name>
    <message>
        <source>the package name is empty</source>
        <translation>le nom du paquet est vide</translation>
    </message>
    <message>
        <source>the package name is longer than {limit} characters</source>
        <translation>le nom du paquet dépasse {limit} caractères</translation>
    </message>
    <message>
        <source>unknown target OS {value!r} (use {choices})</source>
        <translation>système cible {value!r} inconnu (choisir parmi {choices})</translation>
    </message>
    <message>
        <source>unknown action {value!r} (use {choices})</source>
        <translation>action {value!r} inconnue (choisir parmi {choices})</translation>
    </message>
    <message>
        <source>priority must be an integer from {low} to {high}, not {value!r}</source>
        <translation>la priorité doit être un entier de {low} à {high}, pas {value!r}</translation>
    </message>
    <message>
        <source>protocol must be http or https, not {value!r}</source>
        <translation>le protocole doit être http ou https, pas {value!r}</translation>
    </message>
    <message>
        <source>notification countdown must be a whole number of seconds, not {value!r}</source>
        <translation>le compte à rebours de la notification doit être un nombre entier de secondes, pas {value!r}</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>notification text</source>
        <translation>texte de notification</translation>
    </message>
    <message>
        <source>done action text</source>
        <translation>texte de fin d&apos;action</translation>
    </message>
    <message>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <source>the {what} holds a control character</source>
        <translation>le champ « {what} » contient un caractère de contrôle</translation>
    </message>
    <message>
        <source>destination path</source>
        <translation>chemin de destination</translation>
    </message>
    <message>
        <source>command</source>
        <translation>commande</translation>
    </message>
    <message>
        <source>file to launch</source>
        <translation>fichier à lancer</translation>
    </message>
    <message>
        <source>a {action} package needs a {what}</source>
        <translation>un paquet {action} a besoin du champ « {what} »</translation>
    </message>
    <message>
        <source>a {what} is only for a {wanted} package, not a {action} one</source>
        <translation>le champ « {what} » ne sert qu&apos;à un paquet {wanted}, pas à un paquet {action}</translation>
    </message>
    <message>
        <source>the {what} holds a control character (tab, newline, ...)</source>
        <translation>le champ « {what} » contient un caractère de contrôle (tabulation, saut de ligne…)</translation>
    </message>
    <message>
        <source>give a fragment count or a fragment size, not both</source>
        <translation>indiquez un nombre de fragments ou une taille de fragment, pas les deux</translation>
    </message>
    <message>
        <source>the fragment count must be at least 1, not {value!r}</source>
        <translation>le nombre de fragments doit être au moins 1, pas {value!r}</translation>
    </message>
    <message>
        <source>the fragment size must be at least 1 byte, not {value!r}</source>
        <translation>la taille de fragment doit être d&apos;au moins 1 octet, pas {value!r}</translation>
    </message>
</context>
<context>
    <name>GroupErrors</name>
    <message>
        <source>a group needs a name</source>
        <translation>un groupe a besoin d&apos;un nom</translation>
    </message>
    <message>
        <source>a group named {name!r} already exists</source>
        <translation>un groupe nommé {name!r} existe déjà</translation>
    </message>
    <message>
        <source>a static group has no search; create a dynamic group instead</source>
        <translation>un groupe statique n&apos;a pas de recherche ; créez plutôt un groupe dynamique</translation>
    </message>
    <message>
        <source>a static group has no search to recompute</source>
        <translation>un groupe statique n&apos;a pas de recherche à recalculer</translation>
    </message>
    <message>
        <source>this group was defined in OCS&apos;s web console; its members are recomputed by the OCS server, not here</source>
        <translation>ce groupe a été défini dans la console web d&apos;OCS ; ses membres sont recalculés par le serveur OCS, pas ici</translation>
    </message>
</context>
<context>
    <name>MachineActions</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Set &amp;TAG…</source>
        <translation>Définir le &amp;TAG…</translation>
    </message>
    <message>
        <source>Set admin &amp;field…</source>
        <translation>Définir un &amp;champ administratif…</translation>
    </message>
    <message>
        <source>&amp;New group from selection…</source>
        <translation>&amp;Nouveau groupe depuis la sélection…</translation>
    </message>
    <message>
        <source>&amp;Assign a package…</source>
        <translation>&amp;Affecter un paquet…</translation>
    </message>
    <message>
        <source>E&amp;xport selection to CSV…</source>
        <translation>E&amp;xporter la sélection en CSV…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Add to static &amp;group</source>
        <translation>Ajouter à un &amp;groupe statique</translation>
    </message>
    <message>
        <source>Set TAG</source>
        <translation>Définir le TAG</translation>
    </message>
    <message numerus="yes">
        <source>TAG of %n machine(s):</source>
        <translation>
            <numerusform>TAG de %n machine :</numerusform>
            <numerusform>TAG de %n machines :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>TAG set on %n machine(s)</source>
        <translation>
            <numerusform>TAG défini sur %n machine</numerusform>
            <numerusform>TAG défini sur %n machines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Admin field set on %n machine(s)</source>
        <translation>
            <numerusform>Champ administratif défini sur %n machine</numerusform>
            <numerusform>Champ administratif défini sur %n machines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s) added to the group</source>
        <translation>
            <numerusform>%n machine ajoutée au groupe</numerusform>
            <numerusform>%n machines ajoutées au groupe</numerusform>
        </translation>
    </message>
    <message>
        <source>New group from selection</source>
        <translation>Nouveau groupe depuis la sélection</translation>
    </message>
    <message numerus="yes">
        <source>Name of the static group of %n machine(s):</source>
        <translation>
            <numerusform>Nom du groupe statique de %n machine :</numerusform>
            <numerusform>Nom du groupe statique de %n machines :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Group {0} created with %n machine(s)</source>
        <translation>
            <numerusform>Groupe {0} créé avec %n machine</numerusform>
            <numerusform>Groupe {0} créé avec %n machines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Package {0} assigned to %n machine(s)</source>
        <translation>
            <numerusform>Paquet {0} affecté à %n machine</numerusform>
            <numerusform>Paquet {0} affecté à %n machines</numerusform>
        </translation>
    </message>
    <message>
        <source>Export selected machines</source>
        <translation>Exporter les machines sélectionnées</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s) exported to {0}</source>
        <translation>
            <numerusform>%n machine exportée dans {0}</numerusform>
            <numerusform>%n machines exportées dans {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete machines</source>
        <translation>Supprimer des machines</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n machine(s) and all their inventory? This cannot be undone.</source>
        <translation>
            <numerusform>Supprimer %n machine et tout son inventaire ? Cette action est irréversible.</numerusform>
            <numerusform>Supprimer %n machines et tout leur inventaire ? Cette action est irréversible.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s) deleted</source>
        <translation>
            <numerusform>%n machine supprimée</numerusform>
            <numerusform>%n machines supprimées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackageChooserDialog</name>
    <message>
        <source>Assign a package</source>
        <translation>Affecter un paquet</translation>
    </message>
    <message numerus="yes">
        <source>Package to deploy to %n machine(s):</source>
        <translation>
            <numerusform>Paquet à déployer sur %n machine :</numerusform>
            <numerusform>Paquet à déployer sur %n machines :</numerusform>
        </translation>
    </message>
    <message>
        <source>No package is activated: activate one on Deployment.</source>
        <translation>Aucun paquet n’est activé : activez-en un dans Déploiement.</translation>
    </message>
</context>
</TS>
