using Meshc.Compiler.BackEnds.Xds.Agent;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Agent;

public sealed class ResourceNamesTests
{
    [Theory]
    // A plain name becomes local to its CEC, forced or not.
    [InlineData("default", "gw", "listener", false, "default/gw/listener")]
    [InlineData("default", "gw", "listener", true, "default/gw/listener")]
    // The operator's cluster names use ':' on purpose: no '/', so they are qualified like any local name.
    [InlineData("default", "cilium-gateway-gw", "default:echo:8080", false, "default/cilium-gateway-gw/default:echo:8080")]
    // A name with a '/' is global for clusters, endpoints, secrets and references…
    [InlineData("default", "cec", "default/bookstore-v1", false, "default/bookstore-v1")]
    [InlineData("default", "cec", "other/bookstore-v1", false, "other/bookstore-v1")]
    [InlineData("default", "cec", "default/svc:80", false, "default/svc:80")]
    // …but listeners, route configurations, virtual hosts and RDS names are forced into the CEC's namespace…
    [InlineData("default", "cec", "other/route", true, "default/cec/other/route")]
    // …unless their first segment already is that namespace.
    [InlineData("default", "cec", "default/route", true, "default/route")]
    [InlineData("default", "cec", "default/cec/route", true, "default/cec/route")]
    [InlineData("default", "cec", "defaultx/route", true, "default/cec/defaultx/route")]
    // An empty name stays empty, so an unnamed resource does not become a named one.
    [InlineData("default", "cec", "", false, "")]
    [InlineData("default", "cec", "", true, "")]
    // A clusterwide CEC has the namespace "".
    [InlineData("", "ccec", "listener", true, "/ccec/listener")]
    [InlineData("", "ccec", "/ccec/listener", true, "/ccec/listener")]
    [InlineData("", "ccec", "default/cluster", false, "default/cluster")]
    [InlineData("", "ccec", "default/route", true, "/ccec/default/route")]
    public void Qualify_Name_FollowsTheAgent(string ns, string cec, string name, bool force, string expected) =>
        Assert.Equal(expected, ResourceNames.Qualify(ns, cec, name, force));
}
