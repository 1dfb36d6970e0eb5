# Proves: a route in one namespace reaches a Service and a Secret in another through a DSL grant.
# Expected: no errors; MC0217 (no endpoints) and MC0251 (SDS secret read at start) only.
# A route in shop sends to a Service in infra, which a grant in infra allows; the listener's certificate is a Secret.
namespace infra {
  gateway edge {
    listener secure https 443 host *.example.com tls edge-tls allow from all
  }
  secret edge-tls tls
  service catalog port 8080
  grant shop-routes from shop HTTPRoute to Service catalog
}
namespace shop {
  route catalog on infra/edge {
    rule /catalog to infra/catalog:8080
  }
}
