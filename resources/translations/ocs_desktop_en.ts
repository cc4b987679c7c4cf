<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
    <context>
        <name>BarChart</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/widgets/bar_chart.py" line="+109" />
            <source>%n machine(s)</source>
            <extracomment>Space kept at most for the longest bar label, in pixels. A bar's thickness, as a share of its row. A chart with fewer bars keeps room for this many, so one bar does not fill it. About this many grid lines along the count axis. What a count counts, in the tooltip ("%n machine(s)" unless given). The highlighted bar (keyboard), -1 for none.</extracomment>
            <translation>
                <numerusform>%n machine</numerusform>
                <numerusform>%n machines</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BlacklistEditor</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/blacklist_dialog.py" line="+149" />
            <source>%n value(s) taken off the blacklist</source>
            <translation>
                <numerusform>%n value taken off the blacklist</numerusform>
                <numerusform>%n values taken off the blacklist</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BuildPage</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/deployment/wizard.py" line="+125" />
            <source>%n file(s) or folder(s)</source>
            <translation>
                <numerusform>%n file or folder</numerusform>
                <numerusform>%n files or folders</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ColumnPicker</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/column_picker.py" line="+122" />
            <source>%n column(s) shown</source>
            <translation>
                <numerusform>%n column shown</numerusform>
                <numerusform>%n columns shown</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConfigTab</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/admin/config_tab.py" line="+292" />
            <source>%n key(s) saved</source>
            <translation>
                <numerusform>%n key saved</numerusform>
                <numerusform>%n keys saved</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/dashboard_page.py" line="+132" />
            <source>%n install(s)</source>
            <translation>
                <numerusform>%n install</numerusform>
                <numerusform>%n installs</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeploymentPage</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/deployment/page.py" line="+292" />
            <source>Package {0} assigned to %n machine(s)</source>
            <translation>
                <numerusform>Package {0} assigned to %n machine</numerusform>
                <numerusform>Package {0} assigned to %n machines</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+23" />
            <source>%n machine(s)</source>
            <translation>
                <numerusform>%n machine</numerusform>
                <numerusform>%n machines</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n group(s)</source>
            <translation>
                <numerusform>%n group</numerusform>
                <numerusform>%n groups</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+15" />
            <source>%n assignment row(s) removed</source>
            <translation>
                <numerusform>%n assignment row removed</numerusform>
                <numerusform>%n assignment rows removed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+15" />
            <source>%n machine(s) will retry</source>
            <translation>
                <numerusform>%n machine will retry</numerusform>
                <numerusform>%n machines will retry</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeviceTypesDialog</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/network_types_dialog.py" line="+83" />
            <source>{0} (%n device(s))</source>
            <translation>
                <numerusform>{0} (%n device)</numerusform>
                <numerusform>{0} (%n devices)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DownloadWarning</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/deployment/download_warning.py" line="+74" />
            <source>Deployment is switched off for %n machine(s) of this package (DOWNLOAD_SWITCH of the machine or one of its groups).</source>
            <translation>
                <numerusform>Deployment is switched off for %n machine of this package (DOWNLOAD_SWITCH of the machine or one of its groups).</numerusform>
                <numerusform>Deployment is switched off for %n machines of this package (DOWNLOAD_SWITCH of the machine or one of its groups).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DuplicatesPage</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/duplicates_page.py" line="+261" />
            <source>%n set(s)</source>
            <translation>
                <numerusform>%n set</numerusform>
                <numerusform>%n sets</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n ignored set(s) hidden</source>
            <translation>
                <numerusform>%n ignored set hidden</numerusform>
                <numerusform>%n ignored sets hidden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+20" />
            <source>%n shared value(s) excluded by the blacklists: they never make duplicates.</source>
            <translation>
                <numerusform>%n shared value excluded by the blacklists: they never make duplicates.</numerusform>
                <numerusform>%n shared values excluded by the blacklists: they never make duplicates.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+42" />
            <source>%n machine(s) share {0}. Newest first: a merge of the checked machines keeps the first one.</source>
            <translation>
                <numerusform>%n machine share {0}. Newest first: a merge of the checked machines keeps the first one.</numerusform>
                <numerusform>%n machines share {0}. Newest first: a merge of the checked machines keeps the first one.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FilesPage</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/deployment/choice_pages.py" line="+190" />
            <source>%n item(s), {0} in all.</source>
            <translation>
                <numerusform>%n item, {0} in all.</numerusform>
                <numerusform>%n items, {0} in all.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GroupsModel</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/groups_page.py" line="+103" />
            <source>%n min ago</source>
            <translation>
                <numerusform>%n min ago</numerusform>
                <numerusform>%n min ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n h ago</source>
            <translation>
                <numerusform>%n h ago</numerusform>
                <numerusform>%n h ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>%n day ago</numerusform>
                <numerusform>%n days ago</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GroupsPage</name>
        <message numerus="yes">
            <location line="+283" />
            <source>%n group(s)</source>
            <translation>
                <numerusform>%n group</numerusform>
                <numerusform>%n groups</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InventoryImport</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/importing.py" line="+84" />
            <source>Imported %n file(s):</source>
            <translation>
                <numerusform>Imported %n file:</numerusform>
                <numerusform>Imported %n files:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LocalServerControl</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/local_server_control.py" line="+106" />
            <source>Server: {0} — %n machine(s) reported</source>
            <translation>
                <numerusform>Server: {0} — %n machine reported</numerusform>
                <numerusform>Server: {0} — %n machines reported</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MachineActions</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/widgets/machine_actions.py" line="+228" />
            <source>TAG of %n machine(s):</source>
            <translation>
                <numerusform>TAG of %n machine:</numerusform>
                <numerusform>TAG of %n machines:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+16" />
            <source>TAG set on %n machine(s)</source>
            <translation>
                <numerusform>TAG set on %n machine</numerusform>
                <numerusform>TAG set on %n machines</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+28" />
            <source>Admin field set on %n machine(s)</source>
            <translation>
                <numerusform>Admin field set on %n machine</numerusform>
                <numerusform>Admin field set on %n machines</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+15" />
            <source>%n machine(s) added to the group</source>
            <translation>
                <numerusform>%n machine added to the group</numerusform>
                <numerusform>%n machines added to the group</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+15" />
            <source>Name of the static group of %n machine(s):</source>
            <translation>
                <numerusform>Name of the static group of %n machine:</numerusform>
                <numerusform>Name of the static group of %n machines:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+14" />
            <source>Group {0} created with %n machine(s)</source>
            <translation>
                <numerusform>Group {0} created with %n machine</numerusform>
                <numerusform>Group {0} created with %n machines</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+28" />
            <source>Package {0} assigned to %n machine(s)</source>
            <translation>
                <numerusform>Package {0} assigned to %n machine</numerusform>
                <numerusform>Package {0} assigned to %n machines</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+33" />
            <source>%n machine(s) exported to {0}</source>
            <translation>
                <numerusform>%n machine exported to {0}</numerusform>
                <numerusform>%n machines exported to {0}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+18" />
            <source>Delete %n machine(s) and all their inventory? This cannot be undone.</source>
            <translation>
                <numerusform>Delete %n machine and all their inventory? This cannot be undone.</numerusform>
                <numerusform>Delete %n machines and all their inventory? This cannot be undone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+16" />
            <source>%n machine(s) deleted</source>
            <translation>
                <numerusform>%n machine deleted</numerusform>
                <numerusform>%n machines deleted</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MachineDetailPane</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/machine_detail_pane.py" line="+472" />
            <source>%n row(s) exported to {0}</source>
            <translation>
                <numerusform>%n row exported to {0}</numerusform>
                <numerusform>%n rows exported to {0}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MachinesPage</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/machines_page.py" line="+255" />
            <source>%n machine(s)</source>
            <translation>
                <numerusform>%n machine</numerusform>
                <numerusform>%n machines</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+122" />
            <source>%n machine(s) exported to {0}</source>
            <translation>
                <numerusform>%n machine exported to {0}</numerusform>
                <numerusform>%n machines exported to {0}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/main_window.py" line="+403" />
            <source>Importing %n inventory file(s)…</source>
            <translation>
                <numerusform>Importing %n inventory file…</numerusform>
                <numerusform>Importing %n inventory files…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/merge_dialog.py" line="+195" />
            <source>Merge %n machine(s) into {0}?</source>
            <translation>
                <numerusform>Merge %n machine into {0}?</numerusform>
                <numerusform>Merge %n machines into {0}?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+90" />
            <source>%n machine(s) merged into machine {0}</source>
            <translation>
                <numerusform>%n machine merged into machine {0}</numerusform>
                <numerusform>%n machines merged into machine {0}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NetworkMapView</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/network_map.py" line="+266" />
            <location line="+20" />
            <source>%n not inventoried</source>
            <translation>
                <numerusform>%n not inventoried</numerusform>
                <numerusform>%n not inventoried</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="-2" />
            <source>%n subnet(s)</source>
            <translation>
                <numerusform>%n subnet</numerusform>
                <numerusform>%n subnets</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n host(s)</source>
            <translation>
                <numerusform>%n host</numerusform>
                <numerusform>%n hosts</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NetworkPage</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/network_page.py" line="+234" />
            <source>%n subnet(s)</source>
            <translation>
                <numerusform>%n subnet</numerusform>
                <numerusform>%n subnets</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n non-inventoried host(s) to look at</source>
            <translation>
                <numerusform>%n non-inventoried host to look at</numerusform>
                <numerusform>%n non-inventoried hosts to look at</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+128" />
            <source>Delete %n host(s)</source>
            <translation>
                <numerusform>Delete %n host</numerusform>
                <numerusform>Delete %n hosts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+91" />
            <source>%n host(s) deleted</source>
            <translation>
                <numerusform>%n host deleted</numerusform>
                <numerusform>%n hosts deleted</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>Forget %n discovered host(s) and their identification? The next scan finds them again if they are still there.</source>
            <translation>
                <numerusform>Forget %n discovered host and their identification? The next scan finds them again if they are still there.</numerusform>
                <numerusform>Forget %n discovered hosts and their identification? The next scan finds them again if they are still there.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+74" />
            <source>%n old host(s) purged</source>
            <translation>
                <numerusform>%n old host purged</numerusform>
                <numerusform>%n old hosts purged</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+90" />
            <source>%n host(s) exported to {0}</source>
            <translation>
                <numerusform>%n host exported to {0}</numerusform>
                <numerusform>%n hosts exported to {0}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NetworkScanDialog</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/network_scan_dialog.py" line="+132" />
            <source>%1 (%n address(es))</source>
            <translation>
                <numerusform>%1 (%n address)</numerusform>
                <numerusform>%1 (%n addresses)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+72" />
            <source>%n host(s) found</source>
            <translation>
                <numerusform>%n host found</numerusform>
                <numerusform>%n hosts found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n new in the network map</source>
            <translation>
                <numerusform>%n new in the network map</numerusform>
                <numerusform>%n new in the network map</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>%n without a MAC address, not stored</source>
            <translation>
                <numerusform>%n without a MAC address, not stored</numerusform>
                <numerusform>%n without a MAC address, not stored</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PackageChooserDialog</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/widgets/package_chooser.py" line="+34" />
            <source>Package to deploy to %n machine(s):</source>
            <translation>
                <numerusform>Package to deploy to %n machine:</numerusform>
                <numerusform>Package to deploy to %n machines:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PackageWizardPlurals</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/deployment/options_page.py" line="+59" />
            <source>%n fragment(s): {0}</source>
            <translation>
                <numerusform>%n fragment: {0}</numerusform>
                <numerusform>%n fragments: {0}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RemoveMembersDialog</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/groups_page.py" line="-177" />
            <source>Only the first %n members are listed.</source>
            <translation>
                <numerusform>Only the first %n members are listed.</numerusform>
                <numerusform>Only the first %n members are listed.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchPage</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/search_page.py" line="+532" />
            <source>%n machine(s) found</source>
            <translation>
                <numerusform>%n machine found</numerusform>
                <numerusform>%n machines found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+70" />
            <source>%n machine(s) exported to {0}</source>
            <translation>
                <numerusform>%n machine exported to {0}</numerusform>
                <numerusform>%n machines exported to {0}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SetAdminFieldDialog</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/widgets/set_admin_field_dialog.py" line="+56" />
            <source>Value for %n machine(s); empty clears it.</source>
            <translation>
                <numerusform>Value for %n machine; empty clears it.</numerusform>
                <numerusform>Value for %n machines; empty clears it.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SoftwareModel</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/software_page.py" line="+199" />
            <source>%n version(s)</source>
            <translation>
                <numerusform>%n version</numerusform>
                <numerusform>%n versions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SoftwarePage</name>
        <message numerus="yes">
            <location line="+223" />
            <source>%n software(s)</source>
            <translation>
                <numerusform>%n software title</numerusform>
                <numerusform>%n software titles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+108" />
            <source>%n software(s) exported to {0}</source>
            <translation>
                <numerusform>%n software title exported to {0}</numerusform>
                <numerusform>%n software titles exported to {0}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StatusPanel</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/deployment/status_panel.py" line="+147" />
            <source>{0} ({1}): %n machine(s)</source>
            <translation>
                <numerusform>{0} ({1}): %n machine</numerusform>
                <numerusform>{0} ({1}): %n machines</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+65" />
            <source>%n machine(s) exported to {0}</source>
            <translation>
                <numerusform>%n machine exported to {0}</numerusform>
                <numerusform>%n machines exported to {0}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TagRulesPage</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/tag_rules_page.py" line="+364" />
            <location line="+156" />
            <location line="+22" />
            <source>%n change(s)</source>
            <translation>
                <numerusform>%n change</numerusform>
                <numerusform>%n changes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="-21" />
            <location line="+22" />
            <source>%n machine(s)</source>
            <translation>
                <numerusform>%n machine</numerusform>
                <numerusform>%n machines</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+24" />
            <source>Applied: %n change(s) written.</source>
            <translation>
                <numerusform>Applied: %n change written.</numerusform>
                <numerusform>Applied: %n changes written.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+40" />
            <source>%n row(s) restored</source>
            <translation>
                <numerusform>%n row restored</numerusform>
                <numerusform>%n rows restored</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n row(s) deleted</source>
            <translation>
                <numerusform>%n row deleted</numerusform>
                <numerusform>%n rows deleted</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TagsPage</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/fleet/tags_page.py" line="+130" />
            <source>%n TAG(s)</source>
            <translation>
                <numerusform>%n TAG</numerusform>
                <numerusform>%n TAGs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n machine(s)</source>
            <translation>
                <numerusform>%n machine</numerusform>
                <numerusform>%n machines</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+38" />
            <source>Set the TAG of %n machine(s) to {0}?</source>
            <translation>
                <numerusform>Set the TAG of %n machine to {0}?</numerusform>
                <numerusform>Set the TAG of %n machines to {0}?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TargetsForm</name>
        <message numerus="yes">
            <location filename="../../ocs_desktop/views/deployment/targets.py" line="+296" />
            <source>%n machine(s) found</source>
            <translation>
                <numerusform>%n machine found</numerusform>
                <numerusform>%n machines found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <location line="+31" />
            <source>%n machine(s)</source>
            <translation>
                <numerusform>%n machine</numerusform>
                <numerusform>%n machines</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="-31" />
            <location line="+32" />
            <source>%n group(s)</source>
            <translation>
                <numerusform>%n group</numerusform>
                <numerusform>%n groups</numerusform>
            </translation>
        </message>
    </context>
</TS>