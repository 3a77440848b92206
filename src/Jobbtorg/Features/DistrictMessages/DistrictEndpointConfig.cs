namespace Jobbtorg.Features.DistrictMessages;

/// <summary>A district's system that receives messages: an HTTPS address and the secret the messages are signed with.</summary>
public sealed class DistrictEndpointConfig
{
    public string District { get; set; } = "";
    public string Url { get; set; } = "";
    public string Secret { get; set; } = "";
}
