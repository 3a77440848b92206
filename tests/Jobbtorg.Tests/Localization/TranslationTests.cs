using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Plans;

namespace Jobbtorg.Tests.Localization;

/// <summary>
/// Copy is written in English and looked up in the translation files of the features (Features/*/sv.json, en.json for
/// enumeration labels; tools/split-translations.py puts each text in the right one). These tests read the source for every
/// literal handed to the texts (T["…"], T.Format("…"), texts["…"], Texts.Format("…"), new RuleBrokenException("…"),
/// new BrokenRule("…"), new DateProblem("…"), new InputRefusedException("…"), new Message("…"), an attribute's ErrorMessage = "…",
/// Error(nameof(…), "…"), a field error's Refuse(field, "…") or a request rule's Refused(nameof(…), "…")) and check that Swedish exists for each, with the same placeholders.
/// </summary>
public partial class TranslationTests
{
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string AppDirectory = Path.Combine(RepoRoot, "src", "Jobbtorg");

    private static readonly Type[] UiEnums =
    [
        typeof(TargetGroup), typeof(Gender), typeof(ReportingGroup), typeof(CaseStatus), typeof(PauseReason),
        typeof(ClosureReason), typeof(ClosureSubReason), typeof(ReferralChannel), typeof(JobGuaranteeState), typeof(PlanStatus),
        typeof(Jobbtorg.Features.Organisation.MeetingKind), typeof(Jobbtorg.Features.InfoMeetings.BookingStatus), typeof(Jobbtorg.Features.InfoMeetings.CancellationReason),
        typeof(Jobbtorg.Features.Attendance.AttendanceStatus), typeof(Jobbtorg.Features.Attendance.AbsenceReason),
        typeof(Jobbtorg.Features.Staff.StaffChangeKind), typeof(Jobbtorg.Features.DistrictMessages.MessageKind),
        typeof(Jobbtorg.Features.FollowUp.FollowUpKind), typeof(Jobbtorg.Features.FollowUp.FollowUpSource), typeof(Jobbtorg.Features.FollowUp.OccupationStatus),
        typeof(Jobbtorg.Features.Employers.Industry), typeof(Jobbtorg.Features.Employers.VacancyStatus), typeof(Jobbtorg.Features.Placements.PlacementKind),
        typeof(Jobbtorg.Features.Placements.WageForm), typeof(Jobbtorg.Features.Placements.PlacementSubsidy),
        typeof(Jobbtorg.Features.Programmes.ProgrammeKind),
    ];

    // The start of a call whose first argument is English copy: T[ T.Format( t[ t.Format( texts[ Texts.Format(
    // (and a counted message's T.Count(n, / T.Template(n, whose copy is the second argument)
    // new RuleBrokenException( (or BrokenRule, DateProblem, InputRefusedException, Message), ErrorMessage = on an attribute, the import's Problem(…),
    // Error(nameof(field), …, and a field error's Refuse(field, … or Refused(field, … (the copy is the second argument)
    [GeneratedRegex(@"(?<![\w.])(?:[Tt]|[Tt]exts)\.(?:Count|Template)\((?:[^(),]|\((?:[^()]|\([^()]*\))*\))*,|(?<![\w.])(?:[Tt]|[Tt]exts)(?:\[|\.Format\()|\bnew\s+(?:RuleBrokenException|BrokenRule|DateProblem|InputRefusedException|Message)\(|\bErrorMessage\s*=\s*|(?<![\w.])Problem\(|(?<![\w.])Error\(\s*nameof\((?:[^()]|\([^()]*\))*\)\s*,|(?<!\w)Refused?\(\s*(?:nameof\((?:[^()]|\([^()]*\))*\)|\$?""[^""]*""|[\w.]+)\s*,")]
    private static partial Regex CopyCall();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void Every_english_text_in_the_source_has_a_swedish_translation()
    {
        var swedish = Read("sv");
        var found = CopyInSource();
        Assert.True(found.Count > 100, $"Only {found.Count} texts found in {AppDirectory}; the scan has stopped working.");

        var missing = found.Where(f => !swedish.ContainsKey(f.Key))
            .Select(f => $"  \"{f.Key}\"  ({string.Join(", ", f.Value)})")
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"Texts with no entry in any sv.json ({missing.Count}):\n{string.Join('\n', missing)}");
    }

    [Fact]
    public void No_text_is_translated_in_two_files()
    {
        foreach (var language in new[] { "sv", "en" })
        {
            var twice = TranslationFiles(language)
                .SelectMany(file => ReadFile(file).Keys.Select(key => (Key: key, File: Path.GetRelativePath(AppDirectory, file).Replace('\\', '/'))))
                .GroupBy(e => e.Key, StringComparer.Ordinal).Where(g => g.Count() > 1)
                .Select(g => $"  \"{g.Key}\" in {string.Join(" and ", g.Select(e => e.File))}").ToList();
            Assert.True(twice.Count == 0, $"Texts translated in more than one {language}.json:\n{string.Join('\n', twice)}");
        }
    }

    [Fact]
    public void The_app_loads_the_translations_of_every_feature()
    {
        var texts = new Jobbtorg.Features.Shared.Texts();
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = Jobbtorg.Features.Shared.Texts.Swedish;
        try
        {
            foreach (var file in TranslationFiles("sv"))
            {
                var (english, swedish) = ReadFile(file).First();
                Assert.Equal(swedish, texts[english]);
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Every_placeholder_in_an_english_text_is_kept_in_swedish()
    {
        var wrong = new List<string>();
        foreach (var (english, swedish) in Read("sv"))
        {
            var wanted = Placeholders(english);
            var given = Placeholders(swedish);
            if (!wanted.SetEquals(given))
                wrong.Add($"  \"{english}\" → \"{swedish}\": expected {{{string.Join("}, {", wanted.Order())}}}, found {{{string.Join("}, {", given.Order())}}}");
        }
        Assert.True(wrong.Count == 0, $"Placeholders differ:\n{string.Join('\n', wrong)}");
    }

    [Fact]
    public void Every_enumeration_label_shown_in_the_ui_exists_in_both_languages()
    {
        var missing = new List<string>();
        foreach (var language in new[] { "sv", "en" })
        {
            var texts = Read(language);
            foreach (var type in UiEnums)
                foreach (var member in Enum.GetNames(type))
                    if (!texts.TryGetValue($"{type.Name}.{member}", out var label) || string.IsNullOrWhiteSpace(label))
                        missing.Add($"  {language}.json: {type.Name}.{member}");
        }
        Assert.True(missing.Count == 0, $"Enumeration labels missing:\n{string.Join('\n', missing)}");
    }

    [Fact]
    public void The_scan_finds_texts_in_each_kind_of_call()
    {
        var found = CopyInSource();
        Assert.Contains("My work", found.Keys);                                      // T["…"] in a view
        Assert.Contains("My open cases ({0})", found.Keys);                          // T.Format("…") in a view
        Assert.Contains("Resumed.", found.Keys);                                     // t["…"]
        Assert.Contains("Review started: plan version {0} by {1}.", found.Keys);     // t.Format(a ? "…" : "…")
        Assert.Contains("The enrolment date cannot be in the future.", found.Keys);  // new RuleBrokenException("…")
        Assert.Contains("The case is already enrolled.", found.Keys);                // new BrokenRule("…")
        Assert.Contains("Choose the district.", found.Keys);                         // ErrorMessage = "…"
        Assert.Contains("Enter the person's personal identity number.", found.Keys); // new Message(x switch { … => "…" })
        Assert.Contains("The referral date cannot be in the future.", found.Keys);   // Refused(nameof(…), "…")
        Assert.Contains("The period cannot end before it starts.", found.Keys);      // errors.Refuse(nameof(…), "…")
        Assert.Contains("Wrong e-mail address or password.", found.Keys);            // texts["…"]
    }

    /// <summary>Each English text found, with the files it is used in.</summary>
    private static Dictionary<string, SortedSet<string>> CopyInSource()
    {
        var found = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(AppDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !IsBuildOutput(Path.GetRelativePath(AppDirectory, f)));
        foreach (var file in files)
        {
            var source = File.ReadAllText(file);
            var relative = Path.GetRelativePath(RepoRoot, file).Replace('\\', '/');
            foreach (Match call in CopyCall().Matches(source))
                foreach (var text in LiteralsInFirstArgument(source, call.Index + call.Length))
                {
                    if (!found.TryGetValue(text, out var where)) found[text] = where = new(StringComparer.Ordinal);
                    where.Add(relative);
                }
        }
        return found;
    }

    private static bool IsBuildOutput(string relativePath)
    {
        var first = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    /// <summary>
    /// The string literals in the argument that starts at <paramref name="start"/>, up to the comma or bracket
    /// that ends it: one for a plain literal, each branch of a conditional or switch expression. Interpolated
    /// strings are not keys and are skipped.
    /// </summary>
    private static List<string> LiteralsInFirstArgument(string source, int start)
    {
        var literals = new List<string>();
        var depth = 0;
        for (var i = start; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '"' || (c == '@' && i + 1 < source.Length && source[i + 1] == '"'))
            {
                var verbatim = c == '@';
                if (verbatim) i++;
                var interpolated = source[i - (verbatim ? 2 : 1)] == '$';
                var text = new StringBuilder();
                for (i++; i < source.Length; i++)
                {
                    var d = source[i];
                    if (!verbatim && d == '\\' && i + 1 < source.Length) text.Append(Unescape(source[++i]));
                    else if (verbatim && d == '"' && i + 1 < source.Length && source[i + 1] == '"') { text.Append('"'); i++; }
                    else if (d == '"') break;
                    else text.Append(d);
                }
                if (!interpolated) literals.Add(text.ToString());
                continue;
            }
            if (c == '\'')
            {
                // A character literal such as '"' or '\'' must not start a string.
                var close = source.IndexOf('\'', i + (i + 1 < source.Length && source[i + 1] == '\\' ? 3 : 2));
                if (close < 0) break;
                i = close;
                continue;
            }
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0) break;
                depth--;
            }
            else if ((c == ',' && depth == 0) || c == ';') break;
        }
        return literals;
    }

    private static char Unescape(char c) => c switch { 'n' => '\n', 'r' => '\r', 't' => '\t', '0' => '\0', _ => c };

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    /// <summary>One language's translations, all features' files together.</summary>
    private static Dictionary<string, string> Read(string language)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in TranslationFiles(language))
            foreach (var (key, value) in ReadFile(file))
                merged.TryAdd(key, value);
        return merged;
    }

    private static List<string> TranslationFiles(string language)
    {
        var files = Directory.EnumerateFiles(Path.Combine(AppDirectory, "Features"), $"{language}.json", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(AppDirectory, f))).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 0, $"No {language}.json found under {AppDirectory}/Features.");
        return files;
    }

    private static Dictionary<string, string> ReadFile(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jobbtorg.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Jobbtorg.slnx above {AppContext.BaseDirectory}.");
    }
}
