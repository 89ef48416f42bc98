; Inno Setup script: dist\ZoneApp (PyInstaller, packaging\zoneapp.spec) as one installer,
; dist\ZoneApp-<version>-setup.exe, in Chinese and English. Built by .github\workflows\windows.yml:
;   iscc /DAppVersion=0.1.0 packaging\windows\zoneapp.iss
; Inno Setup 6.5 or newer. Its Chinese messages are an unofficial translation that Inno Setup
; does not install: the workflow fetches ChineseSimplified.isl into build\ first.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
; One AppId for every version, so that a new installer replaces the old install.
AppId={{C4ED29ED-DAE2-43B7-B26B-ED5D226FA242}
AppName=ZoneApp
AppVersion={#AppVersion}
AppVerName={cm:AppTitle} {#AppVersion}
AppPublisher=ZoneApp
DefaultDirName={autopf}\ZoneApp
DefaultGroupName={cm:AppTitle}
; Installs for the current user without asking for an administrator; the dialog offers all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\ZoneApp.exe
UninstallDisplayName={cm:AppTitle}
OutputDir=..\..\dist
OutputBaseFilename=ZoneApp-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "zh"; MessagesFile: "..\..\build\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
zh.AppTitle=园区指标看板
en.AppTitle=ZoneApp

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\ZoneApp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppTitle}"; Filename: "{app}\ZoneApp.exe"
Name: "{group}\{cm:UninstallProgram,{cm:AppTitle}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\ZoneApp.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ZoneApp.exe"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent
