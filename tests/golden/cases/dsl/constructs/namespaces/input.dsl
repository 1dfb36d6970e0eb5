# Proves: namespace blocks scope statements; a block with labels declares the Namespace its listener selects.
# Expected: no errors; MC0217 warning (no endpoints).
namespace shop labels team=shop {
  service cart port 80
}
namespace infra {
  gateway shared {
    listener web http 80 allow from team=shop
  }
}
namespace shop {
  route cart on infra/shared {
    rule /cart to cart:80
  }
}
