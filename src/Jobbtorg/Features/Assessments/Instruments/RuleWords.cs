using System.Globalization;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Assessments.Instruments;

/// <summary>An instrument's rules and answer types in plain words, in the reader's language.</summary>
public sealed class RuleWords(InstrumentDefinition definition, Texts t)
{
    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    public string Condition(AnswerCondition c)
    {
        var q = definition.Find(c.Question);
        var name = q is null ? c.Question : $"”{q.Text.In(Culture)}”";
        var parts = new List<string>();
        if (c.In is { Count: > 0 } values)
        {
            var shown = values.Select(v => q?.Options?.FirstOrDefault(o => o.Value == v)?.Text.In(Culture) ?? v).Select(v => $"”{v}”");
            parts.Add(t.Format(q?.Type == AnswerType.Language ? "{0}: the level is {1}" : "{0} is answered {1}", name, string.Join(t[" or "], shown)));
        }
        if (c.AtLeast is { } least && c.AtMost is { } most) parts.Add(t.Format("{0} is between {1} and {2}", name, least, most));
        else if (c.AtLeast is { } l) parts.Add(t.Format("{0} is at least {1}", name, l));
        else if (c.AtMost is { } m) parts.Add(t.Format("{0} is at most {1}", name, m));
        return string.Join(t[" and "], parts);
    }

    public string When(SuggestionRule rule) => string.Join(t[" and "], rule.When.Select(Condition));

    public string Result(SuggestionRule rule) => string.Join(", ", new[]
    {
        rule.Availability is { } a ? t.Enum(a) : null,
        rule.NeedCategory is { } n ? t.Enum(n) : null,
    }.Where(s => s is not null));

    public string Answer(Question q) => q.Type switch
    {
        AnswerType.Scale => t.Format("A number from {0} to {1}", q.Min ?? 0, q.Max ?? 0),
        AnswerType.FreeText => t.Format("Free text, at most {0} characters", q.MaxLength ?? InstrumentDefinition.DefaultTextLength),
        _ => t.Enum(q.Type),
    };
}
