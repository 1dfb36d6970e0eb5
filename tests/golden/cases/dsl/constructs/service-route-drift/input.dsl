# Proves: a service route and a gateway route with the same rule get the same Envoy route (one translator): 'rewrite
# prefix /' strips the prefix with Cilium's regex_rewrite, and 'mirror … 1 of 3' is Cilium's 33% (HUNDRED).
# Expected: no diagnostics. xDS: in default/cilium-gateway-gw/listener-insecure and default/shop/listener-insecure the
# /shop route has regex_rewrite{"^/shop(/?)(.*)" → "/\2"}, cluster default:shop-v1:8080 and a request mirror to
# default:shop-shadow:8080 with runtime_fraction 33/HUNDRED.
gateway gw {
  listener web http 80
}
service shop port 8080 select app=shop endpoints 10.0.0.1
service shop-v1 port 8080 select app=shop, version=v1 endpoints 10.0.0.2
service shop-shadow port 8080 select app=shop-shadow endpoints 10.0.0.3

route edge on gw {
  rule /shop to shop-v1:8080 rewrite prefix / mirror shop-shadow:8080 1 of 3
}
route mesh on service shop:8080 {
  rule /shop to shop-v1:8080 rewrite prefix / mirror shop-shadow:8080 1 of 3
}
