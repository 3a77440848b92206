using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.DistrictMessages;

/// <summary>The configured endpoints by district code. Plain http is accepted only to the local machine (tests, a
/// receiver beside the app); anything else must be https.</summary>
public sealed class DistrictEndpoints(IOptions<DistrictEndpointOptions> options)
{
    public DistrictEndpointConfig? For(string districtCode) =>
        options.Value.DistrictEndpoints.FirstOrDefault(e => string.Equals(e.District, districtCode, StringComparison.OrdinalIgnoreCase));

    public static string? Problem(DistrictEndpointConfig e) =>
        !Uri.TryCreate(e.Url, UriKind.Absolute, out var uri) ? $"the endpoint of {e.District} is not an absolute address"
        : uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback ? $"the endpoint of {e.District} must use https"
        : e.Secret.Length < 16 ? $"the secret of {e.District} must be at least 16 characters"
        : null;
}
