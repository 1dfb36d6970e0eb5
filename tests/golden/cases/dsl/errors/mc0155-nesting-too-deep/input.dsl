# Proves: braces nested past 64 levels are one MC0155 at the brace that breaks the bound; the file is not read
#   (the parser would recurse once per level), so nothing else is reported.
# Expected: exactly one diagnostic, input.dsl:68:13 error MC0155. No IR objects. No bundle (error).
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
namespace a {
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
