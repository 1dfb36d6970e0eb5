using Envoy.Service.Discovery.V3;
using Meshc.Compiler.Bundle;
using Meshc.EnvoyApi;
using Meshc.EnvoyApi.Validation;

namespace Meshc.Golden;

/// <summary>
/// Re-reads every xDS file of a bundle the way Envoy would: strictly, as a DiscoveryResponse whose resources all
/// unpack to known Envoy types and pass Envoy's validation rules. Returns one line per problem.
/// </summary>
public static class XdsStrictCheck
{
    public static IReadOnlyList<string> Problems(CompiledBundle bundle)
    {
        var problems = new List<string>();
        foreach (var file in bundle.Files.Where(f => f.Path.StartsWith("xds/", StringComparison.Ordinal) && f.Path.EndsWith(".json", StringComparison.Ordinal)))
        {
            if (file.Path == "xds/redirects.json") continue; // meshc's own record, not an xDS response
            DiscoveryResponse response;
            try
            {
                response = EnvoyJson.Parse<DiscoveryResponse>(System.Text.Encoding.UTF8.GetString(file.Content));
            }
            catch (EnvoyJsonException e)
            {
                problems.Add($"{file.Path}: not a strict DiscoveryResponse: {e.Message}");
                continue;
            }
            foreach (var any in response.Resources)
            {
                if (any.TypeUrl != response.TypeUrl) problems.Add($"{file.Path}: resource of type {any.TypeUrl} in a {response.TypeUrl} response");
                var descriptor = EnvoyTypes.FindMessage(any.TypeUrl);
                if (descriptor is null)
                {
                    problems.Add($"{file.Path}: unknown type {any.TypeUrl}");
                    continue;
                }
                var message = descriptor.Parser.ParseFrom(any.Value);
                problems.AddRange(PgvValidator.Validate(message).Select(v => $"{file.Path}: {v}"));
            }
        }
        return problems;
    }
}
