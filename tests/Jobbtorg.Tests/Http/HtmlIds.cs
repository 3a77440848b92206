using System.Text.RegularExpressions;

namespace Jobbtorg.Tests.Http;

/// <summary>The id attributes of a page's HTML, for the W3C rule that an id is used once a page.</summary>
public static partial class HtmlIds
{
    [GeneratedRegex(@"<(?:script|template)\b.*?</(?:script|template)>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrTemplate();

    [GeneratedRegex(@"<[a-zA-Z][^>]*?\sid\s*=\s*(?:""([^""]*)""|'([^']*)')")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"<label\b[^>]*?\sfor\s*=\s*""([^""]*)""")]
    private static partial Regex LabelFor();

    public static List<string> All(string html) =>
        IdAttribute().Matches(ScriptOrTemplate().Replace(html, "")).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList();

    /// <summary>Each id used more than once, with how often.</summary>
    public static List<string> Duplicates(string html) =>
        All(html).GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();

    /// <summary>The ids that labels point to.</summary>
    public static List<string> Labelled(string html) => LabelFor().Matches(html).Select(m => m.Groups[1].Value).ToList();
}
