namespace Jobbtorg.Features.Shared;

/// <summary>A rule a request or a step would break: English copy with its arguments, shown in the reader's language
/// by whoever shows it, as <see cref="RuleBrokenException"/> is. <see cref="Field"/> names the input it concerns,
/// when there is one.</summary>
public sealed class BrokenRule(string template, params object[] args)
{
    public string Template { get; } = template;
    public object[] Args { get; } = args;
    public string Field { get; private init; } = "";

    public static BrokenRule OnField(string field, string template, params object[] args) =>
        new(template, args) { Field = field };

    public RuleBrokenException ToException() => new(Template, Args);
}
