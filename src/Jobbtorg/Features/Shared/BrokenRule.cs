namespace Jobbtorg.Features.Shared;

/// <summary>A rule a request broke, named by the field it concerns. The English template is shown in the reader's
/// language by whoever shows it, as <see cref="RuleBrokenException"/> is.</summary>
public sealed record BrokenRule(string Field, string Template, params object[] Args)
{
    /// <summary>The rules as field errors in the reader's language, one message a field (the last rule given for it).</summary>
    public static Dictionary<string, string[]> ToErrors(IEnumerable<BrokenRule> rules, Texts texts)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var rule in rules) errors[rule.Field] = [texts.Format(rule.Template, rule.Args)];
        return errors;
    }
}
