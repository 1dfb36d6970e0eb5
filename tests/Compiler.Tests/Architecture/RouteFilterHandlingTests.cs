using System.Reflection;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Tests.Architecture;

/// <summary>
/// Every kind of route filter is handled everywhere filters are: through <see cref="IRouteFilterVisitor{T}"/>, whose one
/// method per kind makes a new kind fail the build in each place that does not handle it. These tests keep that the
/// only way: each layer that handles filters has a visitor, every concrete filter kind overrides <c>Accept</c>, and
/// each visitor method is reached by exactly one kind.
/// </summary>
public sealed class RouteFilterHandlingTests
{
    private static readonly Assembly Compiler = typeof(Compilation).Assembly;

    [Theory]
    [InlineData("Meshc.Compiler.Passes")]
    [InlineData("Meshc.Compiler.BackEnds.Xds")]
    [InlineData("Meshc.Compiler.BackEnds.Kubernetes")]
    [InlineData("Meshc.Compiler.FrontEnds.Dsl.Writing")]
    public void Layer_HandlesFilters_ThroughTheVisitor(string layer)
    {
        var visitors = Compiler.GetTypes().Where(t => t.Namespace?.StartsWith(layer, StringComparison.Ordinal) == true && t.GetInterfaces()
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRouteFilterVisitor<>)));
        Assert.NotEmpty(visitors);
    }

    [Fact]
    public void EveryFilterKind_HasItsOwnVisitorMethod()
    {
        var kinds = Compiler.GetTypes().Where(t => t.IsSubclassOf(typeof(RouteFilter)) && !t.IsAbstract).ToList();
        var methods = typeof(IRouteFilterVisitor<>).GetMethods().Select(m => m.GetParameters().Single().ParameterType).ToList();
        Assert.Equal(kinds.Select(k => k.Name).Order(StringComparer.Ordinal), methods.Select(m => m.Name).Order(StringComparer.Ordinal));
        var probe = new Probe();
        foreach (var kind in kinds)
        {
            var instance = (RouteFilter)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(kind);
            Assert.Equal(kind, instance.Accept(probe));
        }
    }

    // Answers with the type each visitor method is for, so a kind that calls another kind's method shows up.
    private sealed class Probe : IRouteFilterVisitor<Type>
    {
        public Type HeaderModifier(HeaderModifierFilter filter) => typeof(HeaderModifierFilter);
        public Type RequestRedirect(RequestRedirectFilter filter) => typeof(RequestRedirectFilter);
        public Type UrlRewrite(UrlRewriteFilter filter) => typeof(UrlRewriteFilter);
        public Type RequestMirror(RequestMirrorFilter filter) => typeof(RequestMirrorFilter);
        public Type Cors(CorsFilter filter) => typeof(CorsFilter);
        public Type Unsupported(UnsupportedFilter filter) => typeof(UnsupportedFilter);
    }
}
