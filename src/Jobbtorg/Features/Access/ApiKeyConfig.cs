using System.ComponentModel.DataAnnotations;

namespace Jobbtorg.Features.Access;

/// <summary>A system client's key. Give <see cref="KeyHash"/> (SHA-256, hex) in production;
/// a plain <see cref="Key"/> is accepted for local runs and tests and is hashed on start.</summary>
public sealed class ApiKeyConfig
{
    [Required] public string Name { get; set; } = "";
    public string? Key { get; set; }
    public string? KeyHash { get; set; }
    public List<string> Scopes { get; set; } = [];
    /// <summary>District code a district system's key is bound to.</summary>
    public string? District { get; set; }
}
