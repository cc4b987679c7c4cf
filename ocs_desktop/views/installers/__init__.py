"""The console's agent installers page: build ocspackage.exe and the Linux installer."""
