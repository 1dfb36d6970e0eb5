using System.Text;

namespace Meshc.Dsl.Benchmarks;

/// <summary>A synthetic DSL program: one gateway, a service per ten routes, and N routes of two rules each.</summary>
public static class DslInput
{
    public static string Routes(int count)
    {
        var sb = new StringBuilder();
        sb.Append("gateway edge {\n  listener web http 80\n  listener secure https 443 host *.example.com tls edge-cert\n}\n");
        for (var s = 0; s < Math.Max(1, count / 10); s++) sb.Append($"service svc-{s} port http 8080 select app=svc-{s}\n");
        for (var r = 0; r < count; r++)
        {
            var a = r / 10;
            var b = (r / 10 + 1) % Math.Max(1, count / 10);
            sb.Append($"route r{r} on edge listener web host r{r}.example.com {{\n");
            sb.Append($"  rule /api/{r} header x-env=canary to svc-{a}:8080 90, svc-{b}:8080 10 timeout 5s retry 2 on 503\n");
            sb.Append($"  rule exact /r{r}/health or regex \"^/v[0-9]+/{r}\" redirect scheme https status 301\n");
            sb.Append("}\n");
        }
        return sb.ToString();
    }
}
