using System.Globalization;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Tests.Localization;

/// <summary>
/// A counted message ("{0} cases") has two forms in each language: the plural under its key and the singular under the
/// key with "#one" (English singulars in en.json). The source marks a counted message by how it is called:
/// T.Count(n, "…"), T.Template(n, "…"), or a copy call given a <see cref="Counted"/> argument.
/// </summary>
public partial class TranslationTests
{
    [GeneratedRegex(@"(?<![\w.])(?:[Tt]|[Tt]exts)\.(?:Count|Template)\(")]
    private static partial Regex CountCall();

    // A placeholder followed by a noun that has a plural (and perhaps a word before it): "{0} open cases", "{4} days".
    // Lengths in characters and bytes are limits in the thousands and left out.
    [GeneratedRegex(@"\{\d+\}\s+(?:[a-z-]+\s+)?(?:cases|registrations|messages|lines|events|weeks|days|places|users|minutes|meetings|months|years|items|seats|hours|people|participants|notes|activities|plans)\b")]
    private static partial Regex CountsSomething();

    /// <summary>Messages that count by a limit set in code or configuration that is never 1, or an age (16 and up); and one
    /// shown only for two or more, whose one has a message of its own ("1 meeting was scheduled, on {0}.").</summary>
    private static readonly HashSet<string> NeverOne =
    [
        "The date {0} is too far ahead; plan at most {2} years ahead, up to {1}.",
        "Required days, last {0} days",
        "The {0} months up to and including {1}, broken down by {2}. Each month is counted as a period of its own: enrolled means enrolled at some time during the month.",
        "The person is {0} years old; the job centre takes people from {1}.",
        "Send at most {0} items in one request.",
        "A weekly recurrence covers 1 to {0} weeks.",
        "The meeting lasts between {0} and {1} minutes.",
        "{0} meetings were scheduled, weekly from {1} to {2}.",
        // A first appointment's length is a setting of an hour or so.
        "On a working day between {0} and {1}; the appointment lasts {2} minutes.",
        // The thin-plan limit (PlanIntensity.ThinBelowHours) is 10.
        "No enrolled case has a plan of under {0} hours a week.",
        "Enrolled cases whose agreed plan has activities of under {0} hours a week in progress today (or in its first week, when none has started yet). Everyone enrolled is taken to be available for full-time work unless the case is paused.",
        "Under {0} hours a week. Everyone enrolled is taken to be available for full-time work: add activities, or write in the journal why the person can do less.",
    ];

    [Fact]
    public void Every_counted_message_has_a_singular_and_a_plural_in_both_languages()
    {
        var swedish = Read("sv");
        var english = Read("en");
        var counted = CountedInSource();
        Assert.True(counted.Count >= 20, $"Only {counted.Count} counted messages found; the scan has stopped working.");

        var missing = new List<string>();
        foreach (var text in counted.Order(StringComparer.Ordinal))
        {
            if (!swedish.TryGetValue(text, out var plural) || string.IsNullOrWhiteSpace(plural)) missing.Add($"  sv plural: \"{text}\"");
            if (!swedish.TryGetValue(text + Texts.OneSuffix, out var one) || string.IsNullOrWhiteSpace(one)) missing.Add($"  sv singular: \"{text}{Texts.OneSuffix}\"");
            if (!english.TryGetValue(text + Texts.OneSuffix, out var enOne) || string.IsNullOrWhiteSpace(enOne)) missing.Add($"  en singular: \"{text}{Texts.OneSuffix}\"");
        }
        Assert.True(missing.Count == 0, $"Counted messages without both forms ({missing.Count}):\n{string.Join('\n', missing)}");
    }

    [Fact]
    public void Every_singular_belongs_to_a_counted_message_and_keeps_its_placeholders()
    {
        var counted = CountedInSource();
        var wrong = new List<string>();
        foreach (var language in new[] { "sv", "en" })
            foreach (var (key, value) in Read(language).Where(e => e.Key.EndsWith(Texts.OneSuffix, StringComparison.Ordinal)))
            {
                var text = key[..^Texts.OneSuffix.Length];
                if (!counted.Contains(text)) wrong.Add($"  {language}: \"{key}\" has no counted message \"{text}\" in the source");
                if (!Placeholders(text).SetEquals(Placeholders(value))) wrong.Add($"  {language}: \"{key}\" → \"{value}\" changes the placeholders");
            }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void A_message_that_counts_things_is_a_counted_message()
    {
        var counted = CountedInSource();
        var uncounted = CopyInSource().Keys
            .Where(text => CountsSomething().IsMatch(text) && !counted.Contains(text) && !NeverOne.Contains(text))
            .Order(StringComparer.Ordinal).Select(text => $"  \"{text}\"").ToList();
        Assert.True(uncounted.Count == 0,
            $"Messages that count but have no singular (give the count as new Counted(n) or use T.Count(n, …)):\n{string.Join('\n', uncounted)}");
        Assert.All(NeverOne, text => Assert.Contains(text, CopyInSource().Keys));
    }

    [Theory]
    [InlineData("sv", 1, "{0} cases", "1 ärende")]
    [InlineData("sv", 2, "{0} cases", "2 ärenden")]
    [InlineData("en", 1, "{0} cases", "1 case")]
    [InlineData("en", 2, "{0} cases", "2 cases")]
    [InlineData("sv", 1, "Attendance saved: {0} registrations new or changed.", "Närvaron är sparad: 1 ny eller ändrad registrering.")]
    [InlineData("sv", 2, "Attendance saved: {0} registrations new or changed.", "Närvaron är sparad: 2 nya eller ändrade registreringar.")]
    [InlineData("en", 1, "Attendance saved: {0} registrations new or changed.", "Attendance saved: 1 registration new or changed.")]
    [InlineData("sv", 1, "{0} unread messages from the job centre", "1 oläst meddelande från jobbtorget")]
    [InlineData("sv", 2, "{0} unread messages from the job centre", "2 olästa meddelanden från jobbtorget")]
    [InlineData("en", 1, "{0} unread messages from the job centre", "1 unread message from the job centre")]
    [InlineData("en", 2, "{0} unread messages from the job centre", "2 unread messages from the job centre")]
    [InlineData("sv", 0, "{0} open cases", "0 öppna ärenden")]
    [InlineData("sv", 1, "{0} open cases", "1 öppet ärende")]
    public void A_count_takes_the_singular_for_one_and_the_plural_otherwise(string language, long count, string text, string expected)
    {
        InLanguage(language, () => Assert.Equal(expected, new Texts().Count(count, text)));
    }

    [Fact]
    public void A_rule_or_message_with_a_counted_argument_is_shown_in_the_form_its_number_takes()
    {
        var texts = new Texts();
        var rule = new RuleBrokenException("The coach still has {0} open cases: hand them over to other coaches first.", new Counted(1));
        InLanguage("sv", () =>
        {
            Assert.Equal("Jobbcoachen har fortfarande 1 öppet ärende: lämna först över det till en annan jobbcoach.", texts.Format(rule.Template, rule.Args));
            Assert.Equal("Jobbcoachen har fortfarande 2 öppna ärenden: lämna först över dem till andra jobbcoacher.",
                texts.Format(new Message("The coach still has {0} open cases: hand them over to other coaches first.", new Counted(2))));
            // The count decides the form even when it is not the first argument.
            Assert.Equal("Kim (1 öppet ärende)", texts.Format("{0} ({1} open cases)", "Kim", new Counted(1)));
            Assert.Equal("Kim (3 öppna ärenden)", texts.Format("{0} ({1} open cases)", "Kim", new Counted(3)));
            Assert.Equal("Kontrollerar … {0} rad", texts.Template(1, "Checking… {0} lines"));
        });
        InLanguage("en", () => Assert.Equal("The coach still has 1 open case: hand it over to another coach first.", texts.Format(rule.Template, rule.Args)));
    }

    private static void InLanguage(string language, Action test)
    {
        var previous = CultureInfo.CurrentUICulture;
        var previousFormat = CultureInfo.CurrentCulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = language == "sv" ? Texts.Swedish : Texts.English;
        try { test(); }
        finally { CultureInfo.CurrentUICulture = previous; CultureInfo.CurrentCulture = previousFormat; }
    }

    /// <summary>The English texts the source formats as counted messages: the copy of T.Count(n, "…") and
    /// T.Template(n, "…"), and the copy of any copy call whose arguments include new Counted(…).</summary>
    private static HashSet<string> CountedInSource()
    {
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles())
        {
            var source = File.ReadAllText(file);
            foreach (Match call in CopyCall().Matches(source))
            {
                var start = call.Index + call.Length;
                var isCount = CountCall().IsMatch(source, call.Index) && CountCall().Match(source, call.Index).Index == call.Index;
                if (isCount || ArgumentsOf(source, start).Contains("new Counted(", StringComparison.Ordinal))
                    counted.UnionWith(LiteralsInFirstArgument(source, start));
            }
        }
        return counted;
    }

    /// <summary>The rest of a call's arguments from <paramref name="start"/> to the bracket that closes the call.</summary>
    private static string ArgumentsOf(string source, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < source.Length; i++)
        {
            var c = source[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0) return source[start..i];
                depth--;
            }
            else if (c == ';' && depth == 0) return source[start..i];
        }
        return source[start..];
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(AppDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !IsBuildOutput(Path.GetRelativePath(AppDirectory, f)));
}
