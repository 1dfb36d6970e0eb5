// The mesh DSL's syntax. Every statement is `keyword name clause*`, optionally followed by `{ clause* }`: a clause
// means the same inline or inside the braces (the formatter picks one canonical layout). Every alternative is
// labelled, so each construct has its own visitor method and its own small reader in FrontEnds/Dsl; rules with one
// alternative (a list, a name) need no label.
parser grammar MeshParser;

options { tokenVocab = MeshLexer; }

program
    : statement* EOF
    ;

statement
    : IMPORT STRING                                                          # importStatement
    | NAMESPACE name namespaceClause* LBRACE statement* RBRACE               # namespaceStatement
    | GATEWAY_CLASS name classClause* (LBRACE classClause* RBRACE)?          # gatewayClassStatement
    | GATEWAY name gatewayClause* (LBRACE gatewayClause* RBRACE)?            # gatewayStatement
    | SERVICE name serviceClause* (LBRACE serviceClause* RBRACE)?            # serviceStatement
    | ROUTE name routeClause* (LBRACE routeClause* RBRACE)?                  # httpRouteStatement
    | GRPC_ROUTE name routeClause* (LBRACE routeClause* RBRACE)?             # grpcRouteStatement
    | TLS_ROUTE name routeClause* (LBRACE routeClause* RBRACE)?              # tlsRouteStatement
    | WORKLOAD name workloadClause* (LBRACE workloadClause* RBRACE)?         # workloadStatement
    | POLICY name policyClause* (LBRACE policyClause* RBRACE)?               # policyStatement
    | SECRET name secretClause* (LBRACE secretClause* RBRACE)?               # secretStatement
    | GRANT name grantClause* (LBRACE grantClause* RBRACE)?                  # grantStatement
    | CONFIG_MAP name configMapClause* (LBRACE configMapClause* RBRACE)?     # configMapStatement
    | BACKEND_TLS name backendTlsClause* (LBRACE backendTlsClause* RBRACE)?  # backendTlsStatement
    ;

// ---- Metadata
namespaceClause
    : metadataClause                                                         # namespaceMetadata
    ;

metadataClause
    : LABELS labelList                                                       # labelsClause
    | ANNOTATIONS labelList                                                  # annotationsClause
    ;

// ---- Gateway classes and gateways
classClause
    : CONTROLLER value                                                       # classControllerClause
    | metadataClause                                                         # classMetadata
    ;

gatewayClause
    : CLASS name                                                             # gatewayClassClause
    | ADDRESS value (COMMA value)*                                           # gatewayAddressClause
    | INFRASTRUCTURE metadataClause                                          # gatewayInfrastructureClause
    | metadataClause                                                         # gatewayMetadata
    | LISTENER name protocol=name INT listenerOption*                        # listenerClause
    | CLIENT_CERTS (PORT INT)? caList? INSECURE_FALLBACK?                    # clientCertsClause
    ;

listenerOption
    : HOST value                                                             # listenerHostOption
    | TLS name (COMMA name)*                                                 # listenerTlsOption
    | ALLOW allowPart+                                                       # listenerAllowOption
    ;

allowPart
    : FROM labelList                                                         # allowFromSelector
    | FROM name                                                              # allowFromNamespaces
    | KINDS name (COMMA name)*                                               # allowKinds
    ;

// ---- Services and workloads
serviceClause
    : PORT portName=name? INT protocol=(TCP | UDP | SCTP)? (ARROW target=value)? (APP_PROTOCOL app=value)? # servicePortClause
    | SELECT labelList                                                       # serviceSelectClause
    | TYPE name                                                              # serviceTypeClause
    | IP value (COMMA value)*                                                # serviceIpClause
    | ENDPOINTS endpoint (COMMA endpoint)*                                   # serviceEndpointsClause
    | metadataClause                                                         # serviceMetadata
    ;

endpoint
    : value (COLON INT)?
    ;

workloadClause
    : KIND name                                                              # workloadKindClause
    | PODS labelList                                                         # workloadPodsClause
    | REPLICAS INT                                                           # workloadReplicasClause
    | metadataClause                                                         # workloadMetadata
    ;

// ---- Routes
routeClause
    : ON parent (COMMA parent)*                                              # routeParentsClause
    | HOST value (COMMA value)*                                              # routeHostsClause
    | RULE (ruleName=name COLON)? matchList? action*                         # routeRuleClause
    | CLUSTERS clusterOption+                                                # routeClustersClause
    | PATHS pathOption+                                                      # routePathsClause
    | metadataClause                                                         # routeMetadata
    ;

parent
    : SERVICE name (COLON INT)?                                              # serviceParent
    | name (LISTENER section=name)? (PORT INT)?                              # gatewayParent
    ;

matchList
    : match (OR match)*
    ;

match
    : condition+
    ;

condition
    : URL_PATH                                                               # pathPrefixCondition
    | PREFIX value                                                           # quotedPrefixCondition
    | EXACT value                                                            # pathExactCondition
    | REGEX value                                                            # pathRegexCondition
    | HEADER keyMatch (COMMA keyMatch)*                                      # headerCondition
    | QUERY keyMatch (COMMA keyMatch)*                                       # queryCondition
    | METHOD REGEX value value                                               # methodRegexCondition
    | METHOD value                                                           # methodCondition
    ;

keyMatch
    : value EQUALS value                                                     # exactKeyMatch
    | value TILDE value                                                      # regexKeyMatch
    ;

action
    : TO backend (COMMA backend)*                                            # toAction
    | REDIRECT redirectOption*                                               # redirectAction
    | REWRITE rewriteOption+                                                 # rewriteAction
    | MIRROR target=backendTarget mirrorShare?                               # mirrorAction
    | TIMEOUT request=DURATION? (BACKEND backendTimeout=DURATION)?           # timeoutAction
    | RETRY attempts=INT? (ON retryCondition (COMMA retryCondition)*)? retryOption* # retryAction
    | REQUEST headerEdit+                                                    # requestHeadersAction
    | RESPONSE headerEdit+                                                   # responseHeadersAction
    | CORS corsOption+                                                       # corsAction
    ;

backend
    : backendTarget weight=INT?
    ;

backendTarget
    : name (COLON INT)?
    ;

mirrorShare
    : INT PERCENT                                                            # mirrorPercent
    | INT OF INT                                                             # mirrorFraction
    ;

// The CORS filter: allowed origins (exact, or with '*' wildcards), and what preflight answers and responses carry.
corsOption
    : ORIGINS value (COMMA value)*                                           # corsOrigins
    | METHODS value (COMMA value)*                                           # corsMethods
    | HEADERS value (COMMA value)*                                           # corsHeaders
    | EXPOSE value (COMMA value)*                                            # corsExpose
    | CREDENTIALS                                                            # corsCredentials
    | MAX_AGE INT                                                            # corsMaxAge
    ;

redirectOption
    : SCHEME name                                                            # redirectScheme
    | HOST value                                                             # redirectHost
    | PORT INT                                                               # redirectPort
    | PATH value                                                             # redirectPath
    | PREFIX value                                                           # redirectPrefix
    | STATUS INT                                                             # redirectStatus
    ;

rewriteOption
    : HOST value                                                             # rewriteHost
    | PATH value                                                             # rewritePath
    | PREFIX value                                                           # rewritePrefix
    ;

retryCondition
    : INT                                                                    # retryStatusCode
    | value                                                                  # retryNamedCondition
    ;

retryOption
    : BACKOFF DURATION                                                       # retryBackoff
    | PER_TRY DURATION                                                       # retryPerTry
    ;

headerEdit
    : SET header (COMMA header)*                                             # headerSet
    | ADD header (COMMA header)*                                             # headerAdd
    | REMOVE value (COMMA value)*                                            # headerRemove
    ;

header
    : value EQUALS value
    ;

clusterOption
    : CONNECT_TIMEOUT DURATION                                               # clusterConnectTimeout
    | LB name                                                                # clusterLoadBalancing
    | OUTLIER outlierSetting+                                                # clusterOutlier
    ;

outlierSetting
    : WORD (INT | DURATION | INT PERCENT)
    ;

// The path handling of a service route's listener (its connection manager's normalize_path, merge_slashes and
// path_with_escaped_slashes_action).
pathOption
    : NORMALIZE                                                              # pathsNormalize
    | MERGE_SLASHES                                                          # pathsMergeSlashes
    | ESCAPED_SLASHES name                                                   # pathsEscapedSlashes
    ;

// ---- Secrets and reference grants
secretClause
    : TYPE name                                                              # secretTypeClause
    | KEYS value (COMMA value)*                                              # secretKeysClause
    | TLS                                                                    # secretTlsClause
    | CA                                                                     # secretCaClause
    | metadataClause                                                         # secretMetadata
    ;

configMapClause
    : KEYS value (COMMA value)*                                              # configMapKeysClause
    | CA                                                                     # configMapCaClause
    | metadataClause                                                         # configMapMetadata
    ;

// ---- TLS validation: CA references (a ConfigMap, or a Secret when marked) and backend TLS policies
caList
    : CA caRef (COMMA caRef)*
    ;

caRef
    : SECRET? name
    ;

backendTlsClause
    : TARGET tlsTarget (COMMA tlsTarget)*                                    # backendTlsTargetClause
    | HOST value                                                             # backendTlsHostClause
    | caList                                                                 # backendTlsCaClause
    | SAN value (COMMA value)*                                               # backendTlsSanClause
    | metadataClause                                                         # backendTlsMetadata
    ;

tlsTarget
    : service=name (PORT section=name)?
    ;

grantClause
    : FROM grantFrom (COMMA grantFrom)*                                      # grantFromClause
    | TO grantTo (COMMA grantTo)*                                            # grantToClause
    | metadataClause                                                         # grantMetadata
    ;

grantFrom
    : fromNamespace=name kind=name
    ;

grantTo
    : kind=name target=(WORD | STRING)?
    ;

// ---- Policies
policyClause
    : SELECT labelList                                                       # policySelectClause
    | (ALLOW | DENY) direction=(FROM | TO) peer policyPorts? policyHttp?     # policyRuleClause
    | metadataClause                                                         # policyMetadata
    ;

peer
    : STAR                                                                   # anyPeer
    | labelList                                                              # selectedPeer
    ;

policyPorts
    : PORT policyPort (COMMA policyPort)*
    ;

policyPort
    : INT protocol=(TCP | UDP | SCTP | ANY)?
    ;

policyHttp
    : HTTP httpRule (COMMA httpRule)*
    ;

httpRule
    : method=WORD? path=(URL_PATH | STRING)? (HEADER header (COMMA header)*)?
    ;

// ---- Shared pieces
labelList
    : label (COMMA label)*
    ;

label
    : value EQUALS value
    ;

// A name: a word, a quoted string, or a keyword used as a name (`service route` is a Service called "route").
// Token choices are one alternative each (a set), so the readers take the text as it stands.
name
    : (WORD | STRING | keyword)
    ;

// A value: a name, or a number, duration, path or wildcard host where those make sense.
value
    : (name | INT | DURATION | URL_PATH | STAR)
    ;

keyword
    : (IMPORT | NAMESPACE | GATEWAY | GATEWAY_CLASS | CONTROLLER | SERVICE | ROUTE | GRPC_ROUTE | TLS_ROUTE | WORKLOAD | POLICY | SECRET | GRANT | KEYS | LABELS | ANNOTATIONS | CLASS
    | CONFIG_MAP | BACKEND_TLS | CLIENT_CERTS | INSECURE_FALLBACK | CA | TARGET | SAN
    | ADDRESS | INFRASTRUCTURE | LISTENER | HOST | TLS | ALLOW | KINDS | PORT | SELECT | TYPE | IP | ENDPOINTS
    | APP_PROTOCOL | KIND | PODS | REPLICAS | TCP | UDP | SCTP | ANY | ON | RULE | OR | PREFIX | EXACT | REGEX | HEADER | QUERY | METHOD | TO
    | REDIRECT | SCHEME | PATH | STATUS | REWRITE | MIRROR | OF | TIMEOUT | BACKEND | RETRY | BACKOFF | PER_TRY
    | REQUEST | RESPONSE | SET | ADD | REMOVE | CLUSTERS | CONNECT_TIMEOUT | LB | OUTLIER | PATHS | NORMALIZE | MERGE_SLASHES
    | ESCAPED_SLASHES | DENY | FROM | HTTP | CORS | ORIGINS | METHODS | HEADERS | EXPOSE | CREDENTIALS | MAX_AGE)
    ;
