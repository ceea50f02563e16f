; The Windows installer: puts Sideman.vst3 where every Windows VST3 host looks
; (%COMMONPROGRAMFILES%\VST3), replacing an older install, with an uninstaller.
; Built on Linux by installer/windows/package.sh:
;   makensis -DVERSION=x.y.z -DBUNDLE=<Windows bundle folder> -DOUTFILE=<setup.exe> sideman.nsi
; A 64-bit installer (Sideman is x64 only): it runs where the plugin can, Wine's wine64 included.
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "define VERSION, BUNDLE and OUTFILE (see installer/windows/package.sh)"
!endif
!ifndef BUNDLE
  !error "define BUNDLE (see installer/windows/package.sh)"
!endif
!ifndef OUTFILE
  !error "define OUTFILE (see installer/windows/package.sh)"
!endif

!define PRODUCT "Sideman"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Sideman"

Name "${PRODUCT} ${VERSION}"
OutFile "${OUTFILE}"
; The bundle's folder is fixed by the VST3 format; the uninstaller and its record live apart from it,
; so that hosts scanning VST3\ see nothing but plugins.
InstallDir "$COMMONFILES64\VST3"
ShowInstDetails show
ShowUninstDetails show

!include "LogicLib.nsh"
!include "x64.nsh"

Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "Sideman needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  StrCpy $INSTDIR "$COMMONFILES64\VST3"
FunctionEnd

Section "Sideman.vst3"
  ; An older version is removed first: files a newer bundle no longer has must not linger in it.
  RMDir /r "$INSTDIR\Sideman.vst3"
  SetOutPath "$INSTDIR\Sideman.vst3"
  File /r "${BUNDLE}\*.*"

  CreateDirectory "$PROGRAMFILES64\Sideman"
  WriteUninstaller "$PROGRAMFILES64\Sideman\Uninstall Sideman.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Sideman"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR\Sideman.vst3"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$PROGRAMFILES64\Sideman\Uninstall Sideman.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$PROGRAMFILES64\Sideman\Uninstall Sideman.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

Section "Uninstall"
  ReadRegStr $0 HKLM "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 == ""
    StrCpy $0 "$COMMONFILES64\VST3\Sideman.vst3"
  ${EndIf}
  RMDir /r "$0"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  Delete "$INSTDIR\Uninstall Sideman.exe"
  RMDir "$INSTDIR"
SectionEnd
