; Syntax problems tree-sitter-bash recovered from. Any capture makes the parse
; untrustworthy: src/parse/parse.ts turns each into an E_PARSE_SYNTAX issue.
(ERROR) @error
(MISSING) @missing
