using System.Text.Json;

namespace Jobbtorg.Features.Assessments;

/// <summary>A SUN 2020 education level (level 2, two digits) with the level-1 group it belongs to.</summary>
public sealed record EducationLevel(string Code, string Name, string Group);

/// <summary>A language: its ISO 639-1 code (lower case), else its ISO 639-2 code, and its Swedish name.</summary>
public sealed record Language(string Code, string Name);

internal static class ReferenceFile
{
    public static List<T> Read<T>(string name)
    {
        using var stream = typeof(ReferenceFile).Assembly.GetManifestResourceStream($"Jobbtorg.Data.Reference.{name}")!;
        return JsonSerializer.Deserialize<List<T>>(stream, JsonSerializerOptions.Web)!;
    }
}

/// <summary>SUN 2020 education levels (level 2, "00".."64") from Arbetsförmedlingen's taxonomy, shipped with the app.</summary>
public sealed class EducationLevelCatalogue
{
    private readonly Dictionary<string, EducationLevel> byCode;

    public EducationLevelCatalogue()
    {
        All = ReferenceFile.Read<EducationLevel>("sun-education-levels.json");
        byCode = All.ToDictionary(l => l.Code);
    }

    public IReadOnlyList<EducationLevel> All { get; }

    public EducationLevel? Find(string? code) => code is not null && byCode.TryGetValue(code.Trim(), out var l) ? l : null;
}

/// <summary>Languages from Arbetsförmedlingen's taxonomy, shipped with the app, sorted by their Swedish name.</summary>
public sealed class LanguageCatalogue
{
    private readonly Dictionary<string, Language> byCode;

    public LanguageCatalogue()
    {
        All = ReferenceFile.Read<Language>("languages.json");
        byCode = All.ToDictionary(l => l.Code);
    }

    public IReadOnlyList<Language> All { get; }

    public Language? Find(string? code) => code is not null && byCode.TryGetValue(code.Trim().ToLowerInvariant(), out var l) ? l : null;
}
