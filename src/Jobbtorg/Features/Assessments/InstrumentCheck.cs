using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Assessments;

/// <summary>
/// Whether an instrument's definition can be published: every problem named by where it is, as the JSON spells it
/// (<c>questions[3].options[1].value</c>), so that an administrator editing the JSON finds it. Nothing is published
/// while one problem remains.
/// </summary>
public static partial class InstrumentCheck
{
    public const int MaxQuestions = 100;
    public const int MaxRules = 200;
    public const int MaxConditions = 10;
    public const int MinOptions = 2;
    public const int MaxOptions = 50;
    public const int MaxKeyLength = 40;
    public const int MaxTitleLength = 200;
    public const int MaxQuestionTextLength = 500;
    public const int MaxHelpLength = 1000;
    public const int MaxOptionTextLength = 200;
    public const int MaxReasonLength = 500;
    public const int MaxFreeTextLength = 4000;
    public const int ScaleBound = 1000;
    /// <summary>The longest definition read at all (characters of JSON).</summary>
    public const int MaxJsonLength = 500_000;

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex OptionValuePattern();

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex OccupationCode();

    [GeneratedRegex("^[0-9]{2}$")]
    private static partial Regex EducationCode();

    /// <summary>Reads and checks a definition written as JSON: the definition when it can be published, otherwise
    /// every problem found (a JSON error is one problem, named by its place in the JSON).</summary>
    public static (InstrumentDefinition? Definition, IReadOnlyList<BrokenRule> Problems) Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return (null, [BrokenRule.OnField("definition", "Write the instrument's definition as JSON.")]);
        if (json.Length > MaxJsonLength)
            return (null, [BrokenRule.OnField("definition", "The definition may be at most {0} characters long.", MaxJsonLength)]);
        InstrumentDefinition definition;
        try
        {
            definition = InstrumentDefinition.Parse(json);
        }
        catch (JsonException e)
        {
            return (null, [JsonProblem(e)]);
        }
        var problems = Check(definition);
        return (problems.Count == 0 ? definition : null, problems);
    }

    private static BrokenRule JsonProblem(JsonException e)
    {
        var path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
        var field = path.Length == 0 ? "definition" : path;
        var line = (e.LineNumber ?? 0) + 1;
        var name = path.Split('.')[^1];
        return name switch
        {
            "availability" => BrokenRule.OnField(field, "Line {0}: unknown availability; write one of {1}.", line, Names<Availability>()),
            "needCategory" => BrokenRule.OnField(field, "Line {0}: unknown need category; write one of {1}.", line, Names<NeedCategory>()),
            "type" => BrokenRule.OnField(field, "Line {0}: unknown answer type; write one of {1}.", line, Names<AnswerType>()),
            _ when e.Message.Contains("could not be mapped", StringComparison.Ordinal) || e.Message.Contains("unmapped", StringComparison.OrdinalIgnoreCase)
                => BrokenRule.OnField(field, "Line {0}: a property the instrument format does not have (check its spelling).", line),
            _ => BrokenRule.OnField(field, "Line {0}: this is not valid here (check the JSON syntax and the value's type).", line),
        };
    }

    private static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());

    /// <summary>Every problem of the definition, or none when it can be published.</summary>
    public static IReadOnlyList<BrokenRule> Check(InstrumentDefinition definition)
    {
        var problems = new List<BrokenRule>();
        void Refuse(string field, string template, params object[] args) => problems.Add(BrokenRule.OnField(field, template, args));

        CheckText(definition.Title, "title", MaxTitleLength, required: true, Refuse);

        var questions = definition.Questions ?? [];
        if (questions.Count is 0 or > MaxQuestions)
            Refuse("questions", "An instrument has 1 to {0} questions.", MaxQuestions);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var at = $"questions[{i}]";
            if (q is null) { Refuse(at, "The question is empty."); continue; }
            if (string.IsNullOrEmpty(q.Key) || q.Key.Length > MaxKeyLength || !KeyPattern().IsMatch(q.Key))
                Refuse($"{at}.key", "A key is 1 to {0} characters: lower-case letters a–z, digits and _, starting with a letter.", MaxKeyLength);
            else if (!keys.Add(q.Key))
                Refuse($"{at}.key", "The key {0} is already used by another question.", q.Key);
            CheckText(q.Text, $"{at}.text", MaxQuestionTextLength, required: true, Refuse);
            CheckText(q.Help, $"{at}.help", MaxHelpLength, required: false, Refuse);
            if (q.Section is { } section && (section.Length > MaxKeyLength || !KeyPattern().IsMatch(section)))
                Refuse($"{at}.section", "A section is 1 to {0} characters: lower-case letters a–z, digits and _, starting with a letter.", MaxKeyLength);

            if (q.Type == AnswerType.Choice) CheckOptions(q.Options, at, Refuse);
            else if (q.Options is not null) Refuse($"{at}.options", "Only a choice has options.");

            if (q.Type == AnswerType.Scale)
            {
                if (q.Min is null) Refuse($"{at}.min", "A scale needs its lowest value.");
                if (q.Max is null) Refuse($"{at}.max", "A scale needs its highest value.");
                if (q.Min is { } min && q.Max is { } max)
                {
                    if (min < -ScaleBound || max > ScaleBound)
                        Refuse($"{at}.min", "A scale lies within {0} and {1}.", -ScaleBound, ScaleBound);
                    else if (min >= max)
                        Refuse($"{at}.max", "The highest value must be greater than the lowest ({0}).", min);
                }
            }
            else if (q.Min is not null || q.Max is not null) Refuse($"{at}.min", "Only a scale has a lowest and highest value.");

            if (q.Type == AnswerType.FreeText)
            {
                if (q.MaxLength is < 1 or > MaxFreeTextLength)
                    Refuse($"{at}.maxLength", "A free-text answer may be 1 to {0} characters long.", MaxFreeTextLength);
            }
            else if (q.MaxLength is not null) Refuse($"{at}.maxLength", "Only a free-text question has a longest length.");
        }

        var rules = definition.Rules ?? [];
        if (rules.Count > MaxRules) Refuse("rules", "An instrument has at most {0} rules.", MaxRules);
        var byKey = questions.Where(q => q?.Key is not null).GroupBy(q => q.Key).ToDictionary(g => g.Key, g => g.First());
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var at = $"rules[{r}]";
            if (rule is null) { Refuse(at, "The rule is empty."); continue; }
            if (rule.Availability is null && rule.NeedCategory is null)
                Refuse(at, "A rule names an availability, a need category or both.");
            CheckText(rule.Reason, $"{at}.reason", MaxReasonLength, required: true, Refuse);
            var when = rule.When ?? [];
            if (when.Count is 0 or > MaxConditions)
                Refuse($"{at}.when", "A rule has 1 to {0} conditions.", MaxConditions);
            for (var c = 0; c < when.Count; c++)
                CheckCondition(when[c], $"{at}.when[{c}]", byKey, Refuse);
        }
        return problems;
    }

    private static void CheckOptions(IReadOnlyList<AnswerOption>? options, string at, Action<string, string, object[]> problem)
    {
        if (options is null || options.Count is < MinOptions or > MaxOptions)
        {
            problem($"{at}.options", "A choice has {0} to {1} options.", [MinOptions, MaxOptions]);
            if (options is null) return;
        }
        var values = new HashSet<string>(StringComparer.Ordinal);
        for (var o = 0; o < options.Count; o++)
        {
            var option = options[o];
            var oat = $"{at}.options[{o}]";
            if (option is null) { problem(oat, "The option is empty.", []); continue; }
            if (string.IsNullOrEmpty(option.Value) || option.Value.Length > MaxKeyLength || !OptionValuePattern().IsMatch(option.Value))
                problem($"{oat}.value", "A value is 1 to {0} characters: letters a–z, digits and _.", [MaxKeyLength]);
            else if (!values.Add(option.Value))
                problem($"{oat}.value", "The value {0} is already used by another option of this question.", [option.Value]);
            CheckText(option.Text, $"{oat}.text", MaxOptionTextLength, required: true, (f, t, a) => problem(f, t, a));
        }
    }

    private static void CheckCondition(AnswerCondition? condition, string at, IReadOnlyDictionary<string, Question> questions,
        Action<string, string, object[]> problem)
    {
        if (condition is null) { problem(at, "The condition is empty.", []); return; }
        if (condition.Question is null || !questions.TryGetValue(condition.Question, out var q))
        {
            problem($"{at}.question", "There is no question with the key {0}.", [condition.Question ?? ""]);
            return;
        }
        var hasBounds = condition.AtLeast is not null || condition.AtMost is not null;
        if (condition.In is null && !hasBounds)
        {
            problem(at, "A condition names the answers it holds for (in), or for a scale the bounds (atLeast, atMost).", []);
            return;
        }
        if (condition.In is { Count: 0 }) problem($"{at}.in", "Name at least one answer.", []);
        switch (q.Type)
        {
            case AnswerType.Choice:
                NoBounds();
                var options = (q.Options ?? []).Where(o => o is not null).Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
                EachValue(v => options.Contains(v), "The question {1} has no option {0}.");
                break;
            case AnswerType.Scale:
                EachValue(v => int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= q.Min && n <= q.Max,
                    "{0} is not a value of the scale {1}.");
                if (condition.AtLeast is { } least && (least < q.Min || least > q.Max))
                    problem($"{at}.atLeast", "{0} lies outside the scale {1} ({2}–{3}).", [least, q.Key, q.Min ?? 0, q.Max ?? 0]);
                if (condition.AtMost is { } most && (most < q.Min || most > q.Max))
                    problem($"{at}.atMost", "{0} lies outside the scale {1} ({2}–{3}).", [most, q.Key, q.Min ?? 0, q.Max ?? 0]);
                if (condition.AtLeast > condition.AtMost)
                    problem($"{at}.atMost", "atMost must not be less than atLeast.", []);
                break;
            case AnswerType.Language:
                NoBounds();
                EachValue(v => LanguageAnswer.Levels.Contains(v), "{0} is not a language level: write A1, A2, B1, B2, C1, C2 or Native.");
                break;
            case AnswerType.Occupation:
                NoBounds();
                EachValue(v => OccupationCode().IsMatch(v), "{0} is not an SSYK 2012 code (4 digits).");
                break;
            case AnswerType.EducationLevel:
                NoBounds();
                EachValue(v => EducationCode().IsMatch(v), "{0} is not a SUN 2020 level (2 digits).");
                break;
            default:
                problem($"{at}.question", "A rule cannot depend on a free-text answer ({0}).", [q.Key]);
                break;
        }

        void NoBounds()
        {
            if (hasBounds) problem($"{at}.atLeast", "Only a scale's answer is compared with atLeast and atMost.", []);
        }

        void EachValue(Func<string, bool> valid, string template)
        {
            var values = condition.In ?? [];
            for (var v = 0; v < values.Count; v++)
                if (values[v] is null || !valid(values[v])) problem($"{at}.in[{v}]", template, [values[v] ?? "", q.Key]);
        }
    }

    private static void CheckText(LocalText? text, string at, int maxLength, bool required, Action<string, string, object[]> problem)
    {
        if (text is null)
        {
            if (required) problem(at, "Write the text in Swedish (sv) and English (en).", []);
            return;
        }
        Language(text.Sv, "sv");
        Language(text.En, "en");

        void Language(string? value, string language)
        {
            if (string.IsNullOrWhiteSpace(value)) problem($"{at}.{language}", "Write the text in this language too.", []);
            else if (value.Length > maxLength) problem($"{at}.{language}", "The text may be at most {0} characters long.", [maxLength]);
        }
    }
}
