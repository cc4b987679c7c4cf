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
        <translation>Requêtes de registre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files for agents</source>
        <translation>Fichiers pour les agents</translation>
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
    <name>CategoryModel</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/machine_detail_pane.py" line="+91"/>
        <source>Hardware</source>
        <translation>Matériel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BIOS</source>
        <translation>BIOS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPUs</source>
        <translation>Processeurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drives</source>
        <translation>Lecteurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sound</source>
        <translation>Son</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Controllers</source>
        <translation>Contrôleurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitors</source>
        <translation>Moniteurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printers</source>
        <translation>Imprimantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inputs</source>
        <translation>Périphériques d&apos;entrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modems</source>
        <translation>Modems</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slots</source>
        <translation>Emplacements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Software</source>
        <translation>Logiciels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual machines</source>
        <translation>Machines virtuelles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registry</source>
        <translation>Registre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrative data</source>
        <translation>Données administratives</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Category</source>
        <extracomment>The category key of an index of :class:`CategoryModel`. Raw values for sorting in :class:`CategoryRowsModel`. Choices of the list, radio and checkbox fields, by column.</extracomment>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>Lignes</translation>
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
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text (any case)</source>
        <translation>texte (majuscules ou minuscules)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/dashboard_page.py" line="+44"/>
        <source>Operating systems</source>
        <extracomment>Chart keys, in display order.</extracomment>
        <translation>Systèmes d&apos;exploitation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last inventory</source>
        <translation>Dernier inventaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent versions</source>
        <translation>Versions d&apos;agent</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click a bar to list its machines.</source>
        <translation>Cliquez sur une barre pour lister ses machines.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1–7 days</source>
        <translation>1 à 7 jours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>7–30 days</source>
        <translation>7 à 30 jours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Older</source>
        <translation>Plus ancien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{chart}: {bar}</source>
        <translation>{chart} : {bar}</translation>
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
    <message>
        <location line="+1"/>
        <source>Stop deploying {0} to all its {1} machine(s) and {2} group(s)?</source>
        <translation>Arrêter le déploiement de {0} sur toutes ses {1} machine(s) et ses {2} groupe(s) ?</translation>
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
    <name>MachinesModel</name>
    <message>
        <location filename="../../ocs_desktop/views/fleet/machines_model.py" line="+125"/>
        <source>Name</source>
        <extracomment>The machine&apos;s ``hardware.ID`` (int) of any cell. The whole :class:`MachineRow` of any cell. The number of machines the query lists (known after the first read). True while a read is running. A read delivered its rows (tests and status labels wait on this). Headers of the admin field columns (``admin:fields_3`` → its label).</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operating system</source>
        <translation>Système d&apos;exploitation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OS version</source>
        <translation>Version du SE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IP address</source>
        <translation>Adresse IP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processor</source>
        <translation>Processeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial number</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation>Agent</translation>
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
        <location line="+130"/>
        <source>{0} MB</source>
        <translation>{0} Mo</translation>
    </message>
</context>
<context>
    <name>MachinesPage</name>
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
        <location line="+75"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;TAG…</source>
        <translation>Définir le &amp;TAG…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export to CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Add to &amp;group</source>
        <translation>Ajouter au &amp;groupe</translation>
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
        <location line="+55"/>
        <source>Set TAG</source>
        <translation>Définir le TAG</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>TAG of %n machine(s):</source>
        <translation>
            <numerusform>TAG de %n machine :</numerusform>
            <numerusform>TAG de %n machines :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>TAG set on %n machine(s)</source>
        <translation>
            <numerusform>TAG défini sur %n machine</numerusform>
            <numerusform>TAG défini sur %n machines</numerusform>
        </translation>
    </message>
    <message>
        <location line="-167"/>
        <source>Set admin &amp;field…</source>
        <translation>Définir un &amp;champ administratif…</translation>
    </message>
    <message>
        <location line="+329"/>
        <source>Admin fields</source>
        <translation>Champs administratifs</translation>
    </message>
    <message numerus="yes">
        <location line="-139"/>
        <source>Admin field set on %n machine(s)</source>
        <translation>
            <numerusform>Champ administratif défini sur %n machine</numerusform>
            <numerusform>Champ administratif défini sur %n machines</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Delete machines</source>
        <translation>Supprimer des machines</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Delete %n machine(s) and all their inventory? This cannot be undone.</source>
        <translation>
            <numerusform>Supprimer %n machine et tout son inventaire ? Cette action est irréversible.</numerusform>
            <numerusform>Supprimer %n machines et tout leur inventaire ? Cette action est irréversible.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n machine(s) deleted</source>
        <translation>
            <numerusform>%n machine supprimée</numerusform>
            <numerusform>%n machines supprimées</numerusform>
        </translation>
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
        <location line="+3"/>
        <source>optional: CA certificate (PEM) to verify</source>
        <translation>facultatif : certificat de l&apos;AC (PEM) pour vérifier</translation>
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
        <location line="+26"/>
        <source>Machines with {name} {version}</source>
        <translation>Machines avec {name} {version}</translation>
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
        <location line="+13"/>
        <source>Last rule run: {0} by {1}, {2} change(s).</source>
        <translation>Dernière application : {0} par {1}, {2} modification(s).</translation>
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
        <location line="+25"/>
        <source>{0} change(s) on {1} machine(s). Apply writes exactly these.</source>
        <translation>{0} modification(s) sur {1} machine(s). Appliquer écrit exactement celles-ci.</translation>
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
        <location line="+2"/>
        <source>Write {0} change(s) on {1} machine(s)? The rows are backed up first: &quot;Undo last rule run&quot; restores them.</source>
        <translation>Écrire {0} modification(s) sur {1} machine(s) ? Les lignes sont d&apos;abord sauvegardées : « Annuler la dernière application » les restaure.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Applied: {0} change(s) written.</source>
        <translation>Appliqué : {0} modification(s) écrite(s).</translation>
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
        <location line="+20"/>
        <source>Run undone: {0} row(s) restored, {1} row(s) deleted.</source>
        <translation>Application annulée : {0} ligne(s) restaurée(s), {1} ligne(s) supprimée(s).</translation>
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
        <location line="+7"/>
        <source>Checked: {0} machine(s), {1} group(s)</source>
        <translation>Coché : {0} machine(s), {1} groupe(s)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Assigned to {0} machine(s) and {1} group(s).</source>
        <translation>Affecté à {0} machine(s) et {1} groupe(s).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not assigned: {0}</source>
        <translation>Non affecté : {0}</translation>
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
</TS>
