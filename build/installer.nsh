; Registers deskbridge:// for the current user (per-user install: SHELL_CONTEXT is HKCU).
!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\deskbridge" "" "URL:Deskbridge link"
  WriteRegStr SHELL_CONTEXT "Software\Classes\deskbridge" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\deskbridge\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\deskbridge\shell\open\command" "" '"$appExe" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHELL_CONTEXT "Software\Classes\deskbridge"
!macroend
