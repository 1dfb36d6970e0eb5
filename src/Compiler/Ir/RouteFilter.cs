using System.Text.Json.Serialization;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// A route or backend filter. Each kind of filter is its own record below. Code that handles filters does so through
/// <see cref="IRouteFilterVisitor{T}"/>, so a new kind of filter fails the build wherever it is not handled.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "filter")]
[JsonDerivedType(typeof(HeaderModifierFilter), "HeaderModifier")]
[JsonDerivedType(typeof(RequestRedirectFilter), "RequestRedirect")]
[JsonDerivedType(typeof(UrlRewriteFilter), "URLRewrite")]
[JsonDerivedType(typeof(RequestMirrorFilter), "RequestMirror")]
[JsonDerivedType(typeof(CorsFilter), "CORS")]
[JsonDerivedType(typeof(UnsupportedFilter), "Unsupported")]
public abstract record RouteFilter(SourceLocation Origin) : IHasOrigin
{
    /// <summary>Calls the visitor's method for this kind of filter.</summary>
    public abstract T Accept<T>(IRouteFilterVisitor<T> visitor);
}

/// <summary>One method per kind of filter: implementing it is how a reader, pass or back end handles every kind.</summary>
public interface IRouteFilterVisitor<out T>
{
    T HeaderModifier(HeaderModifierFilter filter);
    T RequestRedirect(RequestRedirectFilter filter);
    T UrlRewrite(UrlRewriteFilter filter);
    T RequestMirror(RequestMirrorFilter filter);
    T Cors(CorsFilter filter);
    T Unsupported(UnsupportedFilter filter);
}

/// <summary>RequestHeaderModifier / ResponseHeaderModifier: headers to set (overwrite), add (append) and remove.</summary>
public sealed record HeaderModifierFilter(
    HeaderDirection Direction,
    ValueList<HeaderValue> Set,
    ValueList<HeaderValue> Add,
    ValueList<string> Remove,
    SourceLocation Origin) : RouteFilter(Origin)
{
    public override T Accept<T>(IRouteFilterVisitor<T> visitor) => visitor.HeaderModifier(this);
}

public enum HeaderDirection { Request, Response }

/// <summary>A header name and value.</summary>
public sealed record HeaderValue(string Name, string Value, SourceLocation Origin) : IHasOrigin;

/// <summary>RequestRedirect: answer with a redirect built from the request and these replacements. StatusCode defaults to 302.</summary>
public sealed record RequestRedirectFilter(
    string? Scheme,
    string? Hostname,
    PathModifier? Path,
    int? Port,
    int StatusCode,
    SourceLocation Origin) : RouteFilter(Origin)
{
    public override T Accept<T>(IRouteFilterVisitor<T> visitor) => visitor.RequestRedirect(this);
}

/// <summary>URLRewrite: replace the host and/or the path before forwarding.</summary>
public sealed record UrlRewriteFilter(string? Hostname, PathModifier? Path, SourceLocation Origin) : RouteFilter(Origin)
{
    public override T Accept<T>(IRouteFilterVisitor<T> visitor) => visitor.UrlRewrite(this);
}

/// <summary>RequestMirror: copy requests to a backend; Numerator/Denominator give the share (100/100 when unset).</summary>
public sealed record RequestMirrorFilter(BackendRef Backend, int Numerator, int Denominator, SourceLocation Origin) : RouteFilter(Origin)
{
    public override T Accept<T>(IRouteFilterVisitor<T> visitor) => visitor.RequestMirror(this);
}

/// <summary>
/// CORS: the origins allowed (exact, or with <c>*</c> wildcards), and what a preflight answer and an actual response
/// carry. MaxAge is in seconds, 5 when unset (the CRD's default).
/// </summary>
public sealed record CorsFilter(
    ValueList<string> AllowOrigins,
    bool AllowCredentials,
    ValueList<string> AllowMethods,
    ValueList<string> AllowHeaders,
    ValueList<string> ExposeHeaders,
    int MaxAge,
    SourceLocation Origin) : RouteFilter(Origin)
{
    /// <summary>The CRD's default for <c>maxAge</c>.</summary>
    public const int DefaultMaxAge = 5;

    public override T Accept<T>(IRouteFilterVisitor<T> visitor) => visitor.Cors(this);
}

/// <summary>A filter type meshc does not compile (ExtensionRef, …), kept so a pass can report it.</summary>
public sealed record UnsupportedFilter(string Type, SourceLocation Origin) : RouteFilter(Origin)
{
    public override T Accept<T>(IRouteFilterVisitor<T> visitor) => visitor.Unsupported(this);
}

/// <summary>A path replacement: the full path, or the part the PathPrefix match matched.</summary>
public sealed record PathModifier(PathModifierKind Kind, string Value, SourceLocation Origin) : IHasOrigin;

public enum PathModifierKind { ReplaceFullPath, ReplacePrefixMatch }
