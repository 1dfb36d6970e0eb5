# gateway-redirects: three RequestRedirect rules on the gateway of gateway-echo.dsl.
import "gateway-echo.dsl"

route redirect-route on my-example-gateway {
  rule /original-prefix redirect prefix /replacement-prefix
  rule /path-and-host redirect host example.org prefix /replacement-prefix
  rule /scheme-and-host redirect scheme https host example.org
}
