using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jobbtorg.Features.Assessments;

/// <summary>A text in both of the app's languages.</summary>
public sealed record LocalText(string Sv, string En)
{
    public string In(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? En : Sv;
}

public sealed record AnswerOption(string Value, LocalText Text);

/// <summary>One question of an instrument. <see cref="Key"/> names the answer and is kept from version to version when
/// the question means the same; <see cref="Options"/> belong to a choice, <see cref="Min"/>/<see cref="Max"/> to a scale,
/// <see cref="MaxLength"/> to free text.</summary>
public sealed record Question(
    string Key,
    AnswerType Type,
    LocalText Text,
    LocalText? Help = null,
    bool Required = false,
    IReadOnlyList<AnswerOption>? Options = null,
    int? Min = null,
    int? Max = null,
    int? MaxLength = null,
    string? Section = null);

/// <summary>One condition on an answer: it holds when the answer is one of <see cref="In"/> (a choice's value, or a
/// language answer's level), or a scale's value lies within <see cref="AtLeast"/>..<see cref="AtMost"/>. An unanswered
/// question meets no condition.</summary>
public sealed record AnswerCondition(string Question, IReadOnlyList<string>? In = null, int? AtLeast = null, int? AtMost = null);

/// <summary>A rule that suggests a result: when every condition holds, the availability and need category it names are at
/// least as far from "available, standard" as it says, and <see cref="Reason"/> explains why.</summary>
public sealed record SuggestionRule(IReadOnlyList<AnswerCondition> When, LocalText Reason, Availability? Availability = null,
    NeedCategory? NeedCategory = null);

/// <summary>A language the person speaks, and how well: a CEFR level (A1–C2) or <c>Native</c>.</summary>
public sealed record LanguageAnswer(string Language, string Level)
{
    public static readonly string[] Levels = ["A1", "A2", "B1", "B2", "C1", "C2", "Native"];

    /// <summary>The stored form, <c>sv:B1</c>: an ISO 639 code, a colon and the level.</summary>
    public override string ToString() => $"{Language}:{Level}";

    public static LanguageAnswer? Parse(string? value)
    {
        var parts = value?.Split(':');
        return parts is [var language, var level] && language.Length is >= 2 and <= 3 && language.All(char.IsAsciiLetterLower)
               && Levels.Contains(level)
            ? new LanguageAnswer(language, level)
            : null;
    }
}

/// <summary>What the rules suggest for a set of answers, with the reasons of every rule that applied.</summary>
public sealed record AssessmentSuggestion(Availability Availability, NeedCategory NeedCategory, IReadOnlyList<LocalText> Reasons);

/// <summary>
/// An instrument's questions and the rules that suggest its result: data, stored as JSON with the version it belongs to,
/// so that a new version is published without a new release and an old assessment renders with the questions it was
/// answered under.
/// </summary>
public sealed record InstrumentDefinition(LocalText Title, IReadOnlyList<Question> Questions, IReadOnlyList<SuggestionRule> Rules)
{
    public const int DefaultTextLength = 2000;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static InstrumentDefinition Parse(string json) =>
        JsonSerializer.Deserialize<InstrumentDefinition>(json, Json) ?? throw new JsonException("The instrument is empty.");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public Question? Find(string key) => Questions.FirstOrDefault(q => q.Key == key);

    /// <summary>
    /// The suggested result: the furthest availability and the highest need category any applying rule names
    /// (Available and Standard when none applies), and the reasons of the rules that applied, in the instrument's order.
    /// </summary>
    public AssessmentSuggestion Suggest(IReadOnlyDictionary<string, string> answers)
    {
        var availability = Availability.Available;
        var need = NeedCategory.Standard;
        var reasons = new List<LocalText>();
        foreach (var rule in Rules.Where(r => r.When.Count > 0 && r.When.All(c => Holds(c, answers))))
        {
            if (rule.Availability > availability) availability = rule.Availability.Value;
            if (rule.NeedCategory > need) need = rule.NeedCategory.Value;
            reasons.Add(rule.Reason);
        }
        return new AssessmentSuggestion(availability, need, reasons);
    }

    private bool Holds(AnswerCondition condition, IReadOnlyDictionary<string, string> answers)
    {
        if (!answers.TryGetValue(condition.Question, out var answer) || string.IsNullOrWhiteSpace(answer)) return false;
        var question = Find(condition.Question);
        var compared = question?.Type == AnswerType.Language ? LanguageAnswer.Parse(answer)?.Level : answer;
        if (compared is null) return false;
        if (condition.In is { } values && !values.Contains(compared)) return false;
        if (condition.AtLeast is not null || condition.AtMost is not null)
        {
            if (!int.TryParse(compared, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
            if (n < condition.AtLeast || n > condition.AtMost) return false;
        }
        return true;
    }
}
