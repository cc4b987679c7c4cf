<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ActivateForm</name>
    <message>
        <location filename="../../ocs_desktop/views/package_activate_form.py" line="+71"/>
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
        <location line="+51"/>
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
        <location filename="../../ocs_desktop/views/package_wizard.py" line="+167"/>
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
    <name>BuildPage</name>
    <message>
        <location line="-118"/>
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
        <location filename="../../ocs_desktop/views/machine_detail_pane.py" line="+76"/>
        <source>Hardware</source>
        <extracomment>What Qt passes to model methods: a model index or a persistent one. The category key of an index of :class:`CategoryModel`. Raw values for sorting in :class:`CategoryRowsModel`.</extracomment>
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
        <location line="+70"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>Lignes</translation>
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
        <location filename="../../ocs_desktop/views/search_page.py" line="+177"/>
        <source>not</source>
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
        <location line="+29"/>
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
        <location line="+46"/>
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
        <location filename="../../ocs_desktop/views/dashboard_page.py" line="+122"/>
        <source>Operating systems</source>
        <extracomment>Chart keys, in display order. Space kept for the longest bar label, in pixels. A chart with fewer bars keeps room for this many, so one bar does not fill it.</extracomment>
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
        <location line="+32"/>
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
    <name>Deployment</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment_models.py" line="+54"/>
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
        <location filename="../../ocs_desktop/views/package_status_panel.py" line="+56"/>
        <source>Machines by status</source>
        <translation>Machines par état</translation>
    </message>
</context>
<context>
    <name>DeploymentPage</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment_page.py" line="+121"/>
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
        <location line="+119"/>
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
    <name>DropZone</name>
    <message>
        <location filename="../../ocs_desktop/views/package_files.py" line="+245"/>
        <source>Drop files or folders here</source>
        <translation>Déposez des fichiers ou des dossiers ici</translation>
    </message>
</context>
<context>
    <name>FilesModel</name>
    <message>
        <location line="-55"/>
        <source>Name</source>
        <extracomment>The chosen item&apos;s path (``Path``) of any cell. Files or folders were dropped on the list. The total size changed (or became known).</extracomment>
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
        <location filename="../../ocs_desktop/views/package_choice_pages.py" line="+30"/>
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
        <location filename="../../ocs_desktop/views/groups_page.py" line="+55"/>
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
        <location line="+33"/>
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
        <location line="+21"/>
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
        <location line="+166"/>
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
        <location line="+93"/>
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
        <location filename="../../ocs_desktop/views/importing.py" line="+82"/>
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
    <name>MachineDetailPane</name>
    <message>
        <location filename="../../ocs_desktop/views/machine_detail_pane.py" line="+104"/>
        <location line="+85"/>
        <source>No machine selected</source>
        <extracomment>The machine shown was deleted from this pane. A machine&apos;s detail arrived (or None: the machine no longer exists).</extracomment>
        <translation>Aucune machine sélectionnée</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Delete machine…</source>
        <translation>Supprimer la machine…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This machine no longer exists</source>
        <translation>Cette machine n&apos;existe plus</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <location line="+18"/>
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
    <name>MachinesModel</name>
    <message>
        <location filename="../../ocs_desktop/views/machines_model.py" line="+115"/>
        <source>Name</source>
        <extracomment>The machine&apos;s ``hardware.ID`` (int) of any cell. The whole :class:`MachineRow` of any cell. What Qt passes to model methods: a model index or a persistent one. The number of machines the query lists (known after the first read). True while a read is running. A read delivered its rows (tests and status labels wait on this).</extracomment>
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
        <location line="+128"/>
        <source>{0} MB</source>
        <translation>{0} Mo</translation>
    </message>
</context>
<context>
    <name>MachinesPage</name>
    <message>
        <location filename="../../ocs_desktop/views/machines_page.py" line="+79"/>
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
        <location line="+74"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;TAG…</source>
        <translation>Définir le &amp;TAG…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export to CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Add to &amp;group</source>
        <translation>Ajouter au &amp;groupe</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Showing: {0}</source>
        <translation>Affichage : {0}</translation>
    </message>
    <message>
        <location line="+22"/>
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
        <location line="+43"/>
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
        <location line="+22"/>
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
        <location line="+33"/>
        <source>Default columns</source>
        <translation>Colonnes par défaut</translation>
    </message>
    <message>
        <source>&amp;Merge as duplicates…</source>
        <translation>&amp;Fusionner comme doublons…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ocs_desktop/views/main_window.py" line="+46"/>
        <source>OCS Desktop — {0}</source>
        <extracomment>File &gt; Connect… was chosen: the application opens the connect dialog.</extracomment>
        <translation>OCS Desktop — {0}</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+127"/>
        <source>Machine detail</source>
        <translation>Détail de la machine</translation>
    </message>
    <message>
        <location line="-102"/>
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
        <location line="+1"/>
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
        <location line="+40"/>
        <source>Arrives with a later release.</source>
        <translation>Arrive avec une prochaine version.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+52"/>
        <source>This page is not part of this build.</source>
        <translation>Cette page ne fait pas partie de cette version.</translation>
    </message>
    <message>
        <location line="+24"/>
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
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../../ocs_desktop/views/package_options_page.py" line="+86"/>
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
        <location line="+37"/>
        <source>Measuring the files…</source>
        <translation>Mesure des fichiers…</translation>
    </message>
</context>
<context>
    <name>PackagePage</name>
    <message>
        <location filename="../../ocs_desktop/views/package_choice_pages.py" line="+15"/>
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
        <location line="+45"/>
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
        <location filename="../../ocs_desktop/views/package_options_page.py" line="-170"/>
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
        <location line="+10"/>
        <source>No fragment: agents download nothing (command only).</source>
        <translation>Aucun fragment : les agents ne téléchargent rien (commande seule).</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n fragment(s): {0}</source>
        <translation>
            <numerusform>%n fragment : {0}</numerusform>
            <numerusform>%n fragments : {0}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About {0} (estimated from the files; compression makes it smaller)</source>
        <translation>Environ {0} (estimé d&apos;après les fichiers ; la compression réduit la taille)</translation>
    </message>
    <message>
        <location filename="../../ocs_desktop/views/package_wizard.py" line="+92"/>
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
        <location line="+130"/>
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
        <location line="+33"/>
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
    <name>PackagesModel</name>
    <message>
        <location filename="../../ocs_desktop/views/deployment_models.py" line="+57"/>
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
        <location line="+61"/>
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
    <name>RemoveMembersDialog</name>
    <message>
        <location filename="../../ocs_desktop/views/groups_page.py" line="-304"/>
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
        <location filename="../../ocs_desktop/views/search_page.py" line="-239"/>
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
        <location line="+162"/>
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
        <location line="+78"/>
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
    <name>SoftwareModel</name>
    <message>
        <location filename="../../ocs_desktop/views/software_page.py" line="+77"/>
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
        <location line="+151"/>
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
        <location line="+117"/>
        <source>Select a software to list its machines.</source>
        <translation>Sélectionnez un logiciel pour lister ses machines.</translation>
    </message>
    <message>
        <location line="-116"/>
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
        <location line="+38"/>
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
        <location filename="../../ocs_desktop/views/deployment_models.py" line="+100"/>
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
        <location line="+60"/>
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
        <location filename="../../ocs_desktop/views/package_status_panel.py" line="+49"/>
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
        <location filename="../../ocs_desktop/views/tags_page.py" line="+59"/>
        <source>(no TAG)</source>
        <extracomment>What Qt passes to model methods: a model index or a persistent one. Raw values for sorting: TAG (casefolded) or count. Machine ids were dropped on a TAG (``None``: the &quot;no TAG&quot; row).</extracomment>
        <translation>(sans TAG)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
</context>
<context>
    <name>TagsPage</name>
    <message>
        <location line="+85"/>
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
        <location filename="../../ocs_desktop/views/package_targets.py" line="+185"/>
        <source>Dynamic</source>
        <translation>Dynamique</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Static</source>
        <translation>Statique</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <location line="-61"/>
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
        <location line="+79"/>
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
        <location filename="../../ocs_desktop/views/package_wizard.py" line="-276"/>
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
    <name>BlacklistDialog</name>
    <message>
        <source>Duplicate blacklists</source>
        <translation>Listes d&apos;exclusion des doublons</translation>
    </message>
    <message>
        <source>Serials and MAC addresses listed here never make machines duplicates: neither here nor in the server&apos;s automatic merge.</source>
        <translation>Les numéros de série et adresses MAC listés ici ne font jamais de machines des doublons : ni ici, ni dans la fusion automatique du serveur.</translation>
    </message>
    <message>
        <source>Serial numbers</source>
        <translation>Numéros de série</translation>
    </message>
    <message>
        <source>MAC addresses</source>
        <translation>Adresses MAC</translation>
    </message>
</context>
<context>
    <name>BlacklistEditor</name>
    <message>
        <source>e.g. To Be Filled By O.E.M.</source>
        <translation>p. ex. To Be Filled By O.E.M.</translation>
    </message>
    <message>
        <source>e.g. 00:11:22:AA:BB:CC</source>
        <translation>p. ex. 00:11:22:AA:BB:CC</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>{0} blacklisted</source>
        <translation>{0} ajouté à la liste d&apos;exclusion</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) taken off the blacklist</source>
        <translation>
            <numerusform>%n valeur retirée de la liste d&apos;exclusion</numerusform>
            <numerusform>%n valeurs retirées de la liste d&apos;exclusion</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>Hostname</source>
        <translation>Nom d&apos;hôte</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>Adresse MAC</translation>
    </message>
    <message>
        <source>Hostname + serial</source>
        <translation>Nom d&apos;hôte + numéro de série</translation>
    </message>
    <message>
        <source>Hostname + MAC</source>
        <translation>Nom d&apos;hôte + MAC</translation>
    </message>
    <message>
        <source>MAC + serial</source>
        <translation>MAC + numéro de série</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>hostname</source>
        <translation>nom d&apos;hôte</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>numéro de série</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Machine record</source>
        <translation>Fiche de la machine</translation>
    </message>
    <message>
        <source>TAG and admin fields</source>
        <translation>TAG et données administratives</translation>
    </message>
    <message>
        <source>Settings and package statuses</source>
        <translation>Paramètres et statuts des paquets</translation>
    </message>
    <message>
        <source>Group memberships</source>
        <translation>Appartenances aux groupes</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Inventory: {0}</source>
        <translation>Inventaire : {0}</translation>
    </message>
    <message>
        <source>Type a value to blacklist.</source>
        <translation>Saisissez une valeur à exclure.</translation>
    </message>
    <message>
        <source>A {0} is at most 255 characters.</source>
        <translation>Un {0} fait au plus 255 caractères.</translation>
    </message>
    <message>
        <source>The {0} contains control characters.</source>
        <translation>Le {0} contient des caractères de contrôle.</translation>
    </message>
    <message>
        <source>{0} is not a MAC address (six hex pairs, e.g. 00:11:22:AA:BB:CC).</source>
        <translation>{0} n&apos;est pas une adresse MAC (six paires hexadécimales, p. ex. 00:11:22:AA:BB:CC).</translation>
    </message>
    <message>
        <source>{0} is already blacklisted.</source>
        <translation>{0} est déjà dans la liste d&apos;exclusion.</translation>
    </message>
    <message>
        <source>{0} is not blacklisted.</source>
        <translation>{0} n&apos;est pas dans la liste d&apos;exclusion.</translation>
    </message>
    <message>
        <source>Not changed: {0}</source>
        <translation>Rien n&apos;a changé : {0}</translation>
    </message>
    <message>
        <source>The machines changed since this plan was made. Check the new plan and confirm again.</source>
        <translation>Les machines ont changé depuis que ce plan a été établi. Vérifiez le nouveau plan et confirmez à nouveau.</translation>
    </message>
    <message>
        <source>The machines are no longer all there, or one of them is a group: nothing was merged.</source>
        <translation>Les machines ne sont plus toutes là, ou l&apos;une d&apos;elles est un groupe : rien n&apos;a été fusionné.</translation>
    </message>
    <message>
        <source>Another writer (an inventory arriving?) holds one of these machines: nothing was merged. Try again in a moment.</source>
        <translation>Un autre programme (un inventaire qui arrive ?) écrit sur l&apos;une de ces machines : rien n&apos;a été fusionné. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>One of these machines no longer exists: refresh the list.</source>
        <translation>L&apos;une de ces machines n&apos;existe plus : actualisez la liste.</translation>
    </message>
    <message>
        <source>Select at least two machines to merge.</source>
        <translation>Sélectionnez au moins deux machines à fusionner.</translation>
    </message>
    <message>
        <source>Groups cannot be merged, only machines.</source>
        <translation>Les groupes ne peuvent pas être fusionnés, seulement les machines.</translation>
    </message>
    <message>
        <source>Nothing was merged: {0}</source>
        <translation>Rien n&apos;a été fusionné : {0}</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>All criteria</source>
        <translation>Tous les critères</translation>
    </message>
    <message>
        <source>Show ignored sets</source>
        <translation>Afficher les ensembles ignorés</translation>
    </message>
    <message>
        <source>&amp;Blacklists…</source>
        <translation>&amp;Listes d&apos;exclusion…</translation>
    </message>
    <message>
        <source>&amp;Criterion:</source>
        <translation>&amp;Critère :</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
    <message>
        <source>Select a set to see why its machines look alike.</source>
        <translation>Sélectionnez un ensemble pour voir pourquoi ses machines se ressemblent.</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionner…</translation>
    </message>
    <message>
        <source>Merge the checked machines into the one heard from last</source>
        <translation>Fusionner les machines cochées dans celle qui s&apos;est manifestée en dernier</translation>
    </message>
    <message>
        <source>These are &amp;not duplicates</source>
        <translation>Ce ne sont &amp;pas des doublons</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Recherche des doublons…</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>Recherche annulée.</translation>
    </message>
    <message>
        <source>Duplicates not found: {0}</source>
        <translation>Doublons non recherchés : {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n set(s)</source>
        <translation>
            <numerusform>%n ensemble</numerusform>
            <numerusform>%n ensembles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ignored set(s) hidden</source>
        <translation>
            <numerusform>%n ensemble ignoré masqué</numerusform>
            <numerusform>%n ensembles ignorés masqués</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shared value(s) excluded by the blacklists: they never make duplicates.</source>
        <translation>
            <numerusform>%n valeur partagée exclue par les listes d&apos;exclusion : elle ne fait jamais de doublons.</numerusform>
            <numerusform>%n valeurs partagées exclues par les listes d&apos;exclusion : elles ne font jamais de doublons.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s) share {0}. Newest first: a merge of the checked machines keeps the first one.</source>
        <translation>
            <numerusform>%n machine partage {0}. La plus récente d&apos;abord : une fusion des machines cochées garde la première.</numerusform>
            <numerusform>%n machines partagent {0}. La plus récente d&apos;abord : une fusion des machines cochées garde la première.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;i&gt;Marked as not duplicates.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Marqué comme n&apos;étant pas des doublons.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&amp;Show this set again</source>
        <translation>&amp;Afficher à nouveau cet ensemble</translation>
    </message>
    <message>
        <source>The set is listed again.</source>
        <translation>L&apos;ensemble est de nouveau listé.</translation>
    </message>
    <message>
        <source>Set hidden until its machines change. Show ignored sets to undo.</source>
        <translation>Ensemble masqué jusqu&apos;à ce que ses machines changent. Affichez les ensembles ignorés pour annuler.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge duplicates</source>
        <translation>Fusionner des doublons</translation>
    </message>
    <message>
        <source>Reading the plan of the merge…</source>
        <translation>Lecture du plan de la fusion…</translation>
    </message>
    <message>
        <source>The machine heard from last survives. Its settings and static groups come from the oldest machine, its TAG and admin fields from the one that has them filled in; every comment is kept.</source>
        <translation>La machine qui s&apos;est manifestée en dernier est conservée. Ses paramètres et groupes statiques viennent de la plus ancienne, son TAG et ses données administratives de celle qui les a renseignés ; tous les commentaires sont gardés.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>A merge cannot be undone.</source>
        <translation>Une fusion ne peut pas être annulée.</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <source>These machines cannot be merged.</source>
        <translation>Ces machines ne peuvent pas être fusionnées.</translation>
    </message>
    <message>
        <source>Nothing was merged: {0}</source>
        <translation>Rien n&apos;a été fusionné : {0}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>{0} (ID {1})</source>
        <translation>{0} (ID {1})</translation>
    </message>
    <message numerus="yes">
        <source>Merge %n machine(s) into {0}?</source>
        <translation>
            <numerusform>Fusionner %n machine dans {0} ?</numerusform>
            <numerusform>Fusionner %n machines dans {0} ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Survives (heard from last)</source>
        <translation>Conservée (manifestée en dernier)</translation>
    </message>
    <message>
        <source>Deleted (merged into it)</source>
        <translation>Supprimées (fusionnées dans celle-ci)</translation>
    </message>
    <message>
        <source>The survivor keeps</source>
        <translation>La machine conservée garde</translation>
    </message>
    <message>
        <source>Rows deleted</source>
        <translation>Lignes supprimées</translation>
    </message>
    <message>
        <source>Each deleted machine is recorded in deleted_equiv (TRACE_DELETED).</source>
        <translation>Chaque machine supprimée est enregistrée dans deleted_equiv (TRACE_DELETED).</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>last contact {0} · {1}</source>
        <translation>dernier contact {0} · {1}</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Fusion en cours…</translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s) merged into machine {0}</source>
        <translation>
            <numerusform>%n machine fusionnée dans la machine {0}</numerusform>
            <numerusform>%n machines fusionnées dans la machine {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetMachinesModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>MAC addresses</source>
        <translation>Adresses MAC</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>First inventory</source>
        <translation>Premier inventaire</translation>
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
        <source>DEVICEID</source>
        <translation>DEVICEID</translation>
    </message>
</context>
<context>
    <name>SetsModel</name>
    <message>
        <source>Criterion</source>
        <translation>Critère</translation>
    </message>
    <message>
        <source>Shared values</source>
        <translation>Valeurs partagées</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
    <message>
        <source>{0} (not duplicates)</source>
        <translation>{0} (pas des doublons)</translation>
    </message>
</context>
</TS>
