namespace Meshc.Compiler.Tests.Passes;

public class CheckEnvoyConfigsTests
{
    private static Checked Run(string services) => Checked.Run($"""
        apiVersion: v1
        kind: Service
        metadata:
          name: bookstore
          namespace: default
        spec:
          ports:
          - port: 8080
        ---
        apiVersion: cilium.io/v2
        kind: CiliumEnvoyConfig
        metadata:
          name: canary
          namespace: default
        spec:
        {services}
          resources: []
        """);

    [Fact]
    public void CheckEnvoyConfigs_RedirectedServiceMissing_ReportsMC0218WithHint()
    {
        var c = Run("  services:\n  - name: bookstor");
        Assert.Equal("did you mean 'bookstore'?", c.Single("MC0218", "name: bookstor\n").Hint);
        Assert.Empty(c.Bound.EnvoyConfigs);
    }

    [Fact]
    public void CheckEnvoyConfigs_BackendServiceMissing_ReportsMC0219()
    {
        var c = Run("  backendServices:\n  - name: bookstore-v1\n    namespace: default");
        c.Single("MC0219", "name: bookstore-v1");
        Assert.Empty(c.Bound.EnvoyConfigs);
    }

    [Fact]
    public void CheckEnvoyConfigs_AllServicesExist_PassesConfigOn()
    {
        var c = Run("  services:\n  - name: bookstore\n  backendServices:\n  - name: bookstore\n    namespace: default");
        Assert.Empty(c.WithCode("MC0218"));
        Assert.Empty(c.WithCode("MC0219"));
        Assert.Equal("canary", c.Bound.EnvoyConfigs.Single().Meta.Name);
    }
}
