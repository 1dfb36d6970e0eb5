// The mesh DSL's tokens. Keywords are reserved only where a statement or clause starts; wherever a name is expected
// the parser also accepts a keyword (rule `name` in MeshParser.g4), so a Service may still be called `route`.
// Newlines are not significant: every statement and clause starts with a keyword, which also anchors error recovery.
lexer grammar MeshLexer;

// ---- Statements
IMPORT          : 'import';
NAMESPACE       : 'namespace';
GATEWAY         : 'gateway';
GATEWAY_CLASS   : 'gateway-class';
SERVICE         : 'service';
ROUTE           : 'route';
GRPC_ROUTE      : 'grpc-route';
TLS_ROUTE       : 'tls-route';
BACKEND_TLS     : 'backend-tls';
CONFIG_MAP      : 'config-map';
WORKLOAD        : 'workload';
POLICY          : 'policy';
SECRET          : 'secret';
GRANT           : 'grant';

// ---- Clauses shared by several statements
LABELS          : 'labels';
ANNOTATIONS     : 'annotations';

// ---- Gateways and listeners
CLASS           : 'class';
CONTROLLER      : 'controller';
ADDRESS         : 'address';
INFRASTRUCTURE  : 'infrastructure';
LISTENER        : 'listener';
HOST            : 'host';
TLS             : 'tls';
ALLOW           : 'allow';
KINDS           : 'kinds';
CLIENT_CERTS    : 'client-certs';
INSECURE_FALLBACK : 'insecure-fallback';

// ---- Services and workloads
PORT            : 'port';
SELECT          : 'select';
TYPE            : 'type';
IP              : 'ip';
ENDPOINTS       : 'endpoints';
APP_PROTOCOL    : 'app-protocol';
KIND            : 'kind';
PODS            : 'pods';
REPLICAS        : 'replicas';
TCP             : 'tcp';
UDP             : 'udp';
SCTP            : 'sctp';
ANY             : 'any';

// ---- Routes
ON              : 'on';
RULE            : 'rule';
OR              : 'or';
PREFIX          : 'prefix';
EXACT           : 'exact';
REGEX           : 'regex';
HEADER          : 'header';
QUERY           : 'query';
METHOD          : 'method';
TO              : 'to';
REDIRECT        : 'redirect';
SCHEME          : 'scheme';
PATH            : 'path';
STATUS          : 'status';
REWRITE         : 'rewrite';
MIRROR          : 'mirror';
OF              : 'of';
TIMEOUT         : 'timeout';
BACKEND         : 'backend';
RETRY           : 'retry';
BACKOFF         : 'backoff';
PER_TRY         : 'per-try';
REQUEST         : 'request';
RESPONSE        : 'response';
SET             : 'set';
ADD             : 'add';
REMOVE          : 'remove';
CLUSTERS        : 'clusters';
CONNECT_TIMEOUT : 'connect-timeout';
LB              : 'lb';
OUTLIER         : 'outlier';
PATHS           : 'paths';
NORMALIZE       : 'normalize';
MERGE_SLASHES   : 'merge-slashes';
ESCAPED_SLASHES : 'escaped-slashes';
CORS            : 'cors';
ORIGINS         : 'origins';
METHODS         : 'methods';
HEADERS         : 'headers';
EXPOSE          : 'expose';
CREDENTIALS     : 'credentials';
MAX_AGE         : 'max-age';

// ---- Secrets, config maps and TLS validation
KEYS            : 'keys';
CA              : 'ca';
TARGET          : 'target';
SAN             : 'san';

// ---- Policies
DENY            : 'deny';
FROM            : 'from';
HTTP            : 'http';

// ---- Punctuation
LBRACE          : '{';
RBRACE          : '}';
COMMA           : ',';
COLON           : ':';
EQUALS          : '=';
TILDE           : '~';
PERCENT         : '%';
ARROW           : '->';
STAR            : '*';

// ---- Literals. Order matters where lengths tie: a duration beats a word (`5s`), a number beats a word (`80`).
DURATION        : (DIGIT+ ('ms' | 'h' | 'm' | 's'))+;
INT             : DIGIT+;
STRING          : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"';
// A path starts with '/'; characters beyond these need a quoted string.
URL_PATH        : '/' [A-Za-z0-9._~%!$&'()*+=:@/-]*;
// Words: names, hostnames (with an optional leading '*.' wildcard), label keys like app.kubernetes.io/name,
// namespace-qualified names like infra/gw, retry conditions like 5xx.
WORD            : ('*.')? WORD_START WORD_PART*;

COMMENT         : '#' ~[\r\n]* -> channel(HIDDEN);
WS              : [ \t\r\n\f]+ -> skip;

// Anything else becomes one token the parser never expects, so it is reported in place and skipped.
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])*;
INVALID_CHAR    : .;

fragment DIGIT      : [0-9];
fragment WORD_START : [A-Za-z0-9_];
fragment WORD_PART  : [A-Za-z0-9_.\-/];
