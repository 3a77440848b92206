namespace Jobbtorg.Features.Access;

/// <summary>The system clients' keys, from `Jobbtorg:ApiKeys` (a list directly under `Jobbtorg`, as it always was).</summary>
public sealed class ApiKeyOptions
{
    public List<ApiKeyConfig> ApiKeys { get; set; } = [];
}
