; Inno Setup script for the Hulpmix staff console (Windows, per-machine).
;
; Needs Inno Setup 6.3 or later (for the "x64compatible" architecture name) and the
; PyInstaller one-dir build in dist\hulpmix-console (python installer\build.py).
; Normally compiled by `python installer\build.py --installer`, which passes the version:
;
;   iscc /DAppVersion=0.1.0 installer\hulpmix-console.iss
;
; Installing:
;   hulpmix-console-0.1.0-setup.exe
;   hulpmix-console-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /POLICY="C:\Deploy\policy.json"
;
; /POLICY= (optional) copies that file to {commonappdata}\Hulpmix\policy.json
; (C:\ProgramData\Hulpmix\policy.json), the machine policy the console reads at start-up
; (see docs\workstations.md). Give a full path. A policy file is left in place on
; uninstall, as is everything in the users' own profiles.
;
; NOT TESTED: this script has not been compiled or run; the project is developed on Linux.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BuildDir
  #define BuildDir "..\dist\hulpmix-console"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist\installer"
#endif

#define AppName "Hulpmix console"
#define AppExe "hulpmix-console.exe"

[Setup]
; Keep AppId unchanged between releases: it is how an upgrade finds the installed copy.
AppId={{4F6C2B1E-8D3A-4C57-9E21-7A0B5D9C3F48}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Hulpmix
VersionInfoVersion={#AppVersion}
; Per-machine: Program Files, the all-users Start menu, administrator rights.
PrivilegesRequired=admin
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=hulpmix-console-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
; Close a running console (Restart Manager) before files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
; The whole PyInstaller one-dir folder: both executables and _internal\.
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The machine policy, only when /POLICY=<file> was given on the command line.
Source: "{code:PolicySource}"; DestDir: "{commonappdata}\Hulpmix"; DestName: "policy.json"; Flags: external ignoreversion uninsneveruninstall; Check: PolicyGiven

[Dirs]
Name: "{commonappdata}\Hulpmix"; Flags: uninsneveruninstall; Check: PolicyGiven

[Icons]
; {autoprograms} is the all-users Start menu in a per-machine install.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"

[Run]
; Start the console as the person who ran Setup, not with Setup's administrator rights.
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[Code]
function PolicyParam: String;
begin
  Result := Trim(ExpandConstant('{param:POLICY|}'));
end;

function PolicyGiven: Boolean;
begin
  Result := PolicyParam <> '';
end;

function PolicySource(Param: String): String;
begin
  { A relative path is taken relative to the current directory; a full path is safer. }
  Result := ExpandFileName(PolicyParam);
end;

function InitializeSetup: Boolean;
begin
  Result := True;
  if PolicyGiven and not FileExists(PolicySource('')) then
  begin
    SuppressibleMsgBox('The policy file given with /POLICY= does not exist: ' +
      PolicySource(''), mbCriticalError, MB_OK, IDOK);
    { Setup stops without installing anything (exit code 1). }
    Result := False;
  end;
end;
