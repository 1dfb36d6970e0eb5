# Proves: deny rules cannot carry HTTP rules.
# Expected: MC0176 at 4:19; no bundle.
policy p {
  deny from app=x http GET
}
