# Proves: the cors action becomes the CORS filter (origins exact and with '*', methods, headers, expose headers,
# credentials, max-age; max-age 5 when not given) and its translation: Envoy's CORS filter in the HCM and the policy
# in each route's typed_per_filter_config.
# Expected: no errors; MC0217 warnings (no endpoints). xDS: listener-insecure http_filters with envoy.filters.http.cors
#   before the router; route /api allow_origin_string_match [exact https://www.foo.com, safe_regex
#   ^https://[A-Za-z0-9.-]+\.bar\.com$], allow_methods "GET, PUT", allow_headers "x-a", expose_headers "x-b",
#   max_age "600", allow_credentials true; route /open origins [^.*$], allow_methods "*", max_age "5".
gateway edge {
  listener web http 80
}
service api port 8080
route browser on edge {
  rule /api to api:8080 cors origins "https://www.foo.com", "https://*.bar.com" methods GET, PUT headers x-a expose x-b credentials max-age 600
  rule /open to api:8080 cors origins "*" methods "*"
}
