# Proves: namespace blocks do not nest.
# Expected: MC0175 at 4:3; no bundle.
namespace a {
  namespace b {
  }
}
