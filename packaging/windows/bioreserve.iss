; Inno Setup 6 script: BioReserve's Windows installer (per user, no administrator rights).
;
; Build (on Windows, after `pyinstaller --noconfirm packaging\bioreserve.spec` made
; dist\bioreserve\), from the repository's root:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\bioreserve.iss
; The result: dist\BioReserve-0.1.0-setup.exe.
;
; The Chinese wizard needs ChineseSimplified.isl, an UNOFFICIAL translation that Inno Setup
; does not install: download it from https://jrsoftware.org/files/istrans/ (Chinese
; (Simplified), maintained by its translators; the same file is in the issrc repository,
; Files/Languages/Unofficial/ChineseSimplified.isl) and put it beside this script
; (packaging\windows\ChineseSimplified.isl). See packaging/README.md.
;
; What it does:
;   - installs into %LOCALAPPDATA%\Programs\BioReserve (the user's own programs folder; no UAC
;     prompt), a Start-menu folder with the program and its uninstaller, an optional desktop
;     shortcut;
;   - the user's data — database, backups, log, keys — stays in %LOCALAPPDATA%\BioReserve
;     (where the program writes it: desktop/core/paths.py) and is NOT removed by the
;     uninstaller, which says where it is; the settings in HKCU\Software\Hengyang\BioReserve
;     stay too.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "BioReserve"
#define AppNameZh "生物安全应急储备与处置系统"
#define Root "..\.."

[Setup]
; the same AppId for every version: a new version installs over the old one
AppId={{5C8F3B0E-7A41-4F4C-9E2B-B10E5E77A020}
AppName={#AppNameZh}
AppVersion={#AppVersion}
AppVerName={#AppNameZh} {#AppVersion}
AppPublisher=Hengyang biosafety coordination mechanism
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppNameZh}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=BioReserve-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\bioreserve.ico
UninstallDisplayIcon={app}\bioreserve-gui.exe
UninstallDisplayName={#AppNameZh}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Chinese, whatever the system's language (the program itself defaults to Chinese too)
ShowLanguageDialog=no
LanguageDetectionMethod=none
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DataKept=您的数据（数据库、备份、日志、密钥）保留在 %1 中，未被删除。如不再需要，可手动删除该文件夹。
english.DataKept=Your data (database, backups, log, keys) is kept in %1 and was not removed. Delete that folder by hand if it is no longer needed.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\bioreserve\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppNameZh}\{#AppNameZh}"; Filename: "{app}\bioreserve-gui.exe"; WorkingDir: "{userdocs}"
Name: "{autoprograms}\{#AppNameZh}\{cm:UninstallProgram,{#AppNameZh}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppNameZh}"; Filename: "{app}\bioreserve-gui.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\bioreserve-gui.exe"; Description: "{cm:LaunchProgram,{#AppNameZh}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes only what it installed under {app}; the
; data folder %LOCALAPPDATA%\BioReserve is never touched.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Data: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    Data := ExpandConstant('{localappdata}\{#AppName}');
    if DirExists(Data) and not UninstallSilent then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [Data]), mbInformation, MB_OK);
  end;
end;
