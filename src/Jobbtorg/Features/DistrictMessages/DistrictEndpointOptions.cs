namespace Jobbtorg.Features.DistrictMessages;

/// <summary>The districts' receiving systems, from `Jobbtorg:DistrictEndpoints` (a list directly under `Jobbtorg`, as it
/// always was).</summary>
public sealed class DistrictEndpointOptions
{
    public List<DistrictEndpointConfig> DistrictEndpoints { get; set; } = [];
}
