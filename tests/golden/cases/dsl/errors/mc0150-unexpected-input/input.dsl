# Proves: a misspelled clause keyword is reported in words, with a suggestion.
# Expected: MC0150 at 4:3 (did you mean 'port'?); no bundle.
service a {
  prot 80
}
