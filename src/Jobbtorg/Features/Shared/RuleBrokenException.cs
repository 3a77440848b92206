namespace Jobbtorg.Features.Shared;

/// <summary>
/// A business rule refused an action. The message is English copy that is translated where it is shown:
/// a 409 ProblemDetails in the API, a form error on a page.
/// </summary>
public sealed class RuleBrokenException(string message, params object[] args) : Exception(string.Format(message, args))
{
    public string Template { get; } = message;
    public object[] Args { get; } = args;
}
