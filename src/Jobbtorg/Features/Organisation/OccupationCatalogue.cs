using System.Text.Json;

namespace Jobbtorg.Features.Organisation;

public sealed record Occupation(string Code, string Name);

/// <summary>SSYK 2012 occupation groups (level 4) from Arbetsförmedlingen's taxonomy, shipped with the app.</summary>
public sealed class OccupationCatalogue
{
    private readonly Dictionary<string, Occupation> byCode;

    public OccupationCatalogue()
    {
        using var stream = typeof(OccupationCatalogue).Assembly
            .GetManifestResourceStream("Jobbtorg.Data.Reference.ssyk-occupations.json")!;
        All = JsonSerializer.Deserialize<List<Occupation>>(stream, JsonSerializerOptions.Web)!;
        byCode = All.ToDictionary(o => o.Code);
    }

    public IReadOnlyList<Occupation> All { get; }

    public Occupation? Find(string? code) => code is not null && byCode.TryGetValue(code.Trim(), out var o) ? o : null;

    /// <summary>Accepts a bare code or the "1234 Name" form a datalist input produces.</summary>
    public Occupation? FromInput(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var code = input.Trim().Split(' ', 2)[0];
        return Find(code);
    }

    public IEnumerable<Occupation> Search(string? query, int max = 20) =>
        string.IsNullOrWhiteSpace(query)
            ? All.Take(max)
            : All.Where(o => o.Code.StartsWith(query.Trim(), StringComparison.Ordinal)
                             || o.Name.Contains(query.Trim(), StringComparison.CurrentCultureIgnoreCase)).Take(max);
}
