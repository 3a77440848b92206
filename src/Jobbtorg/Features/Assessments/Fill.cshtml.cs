using System.Globalization;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Assessments;

/// <summary>Filling in a draft assessment: the questions of its version by section, saved as one goes (by script on every
/// change, or with the Save button), the result the answers suggest with its reasons, and signing.</summary>
[AccessLog.ShowsPersonalData]
public class FillModel(AssessmentWork work, Texts texts, TimeProvider clock, OccupationCatalogue occupations,
    EducationLevelCatalogue levels, LanguageCatalogue languages) : PageModel
{
    public Assessment Assessment { get; private set; } = null!;
    public InstrumentDefinition Definition => Assessment.InstrumentVersion!.Parsed;
    public AssessmentSuggestion Suggestion { get; private set; } = null!;
    public IReadOnlyList<Occupation> Occupations => occupations.All;
    public IReadOnlyList<EducationLevel> EducationLevels => levels.All;
    public IReadOnlyList<Language> Languages => languages.All;

    [BindProperty] public Dictionary<string, string?> Answers { get; set; } = [];
    /// <summary>A language question's two parts: the language and the level.</summary>
    [BindProperty] public Dictionary<string, string?> Lang { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Level { get; set; } = [];
    /// <summary>The draft's version the form was filled from.</summary>
    [BindProperty] public int Version { get; set; }
    [BindProperty] public DateOnly? SignDate { get; set; }
    [BindProperty] public Availability? Availability { get; set; }
    [BindProperty] public NeedCategory? NeedCategory { get; set; }
    [BindProperty] public string? OverrideReason { get; set; }

    private bool IsAutosave => Request.Headers.ContainsKey("X-Autosave");

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        FillFromStored();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var outcome = await work.SaveAsync(id, Posted(), Version, "", HttpContext.RequestAborted);
        if (IsAutosave) return AutosaveAnswer(outcome);
        if (outcome is AssessmentOutcome.Done)
        {
            TempData["Message"] = texts.Format("Saved {0}.", clock.GetUtcNow().ToStockholm().ToString("HH:mm", CultureInfo.InvariantCulture));
            return RedirectToPage(new { id });
        }
        Show(outcome);
        return Page();
    }

    public async Task<IActionResult> OnPostSignAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var saved = await work.SaveAsync(id, Posted(), Version, "", HttpContext.RequestAborted);
        if (saved is not AssessmentOutcome.Done)
        {
            Show(saved);
            return Page();
        }
        var signed = await work.SignAsync(id, new SignRequest
        {
            Date = SignDate, Availability = Availability, NeedCategory = NeedCategory, OverrideReason = OverrideReason,
        }, "", HttpContext.RequestAborted);
        if (signed is AssessmentOutcome.Done)
        {
            TempData["Message"] = texts["The assessment is signed."];
            return RedirectToPage("/Assessments/View", new { id });
        }
        // The answers were saved: the form goes on from the stored draft.
        if (await LoadAsync(id) is { } gone) return gone;
        Version = Assessment.Version;
        Show(signed);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var a = await work.FindAsync(id, HttpContext.RequestAborted);
        if (a is null) return NotFound();
        if (a.IsSigned) return RedirectToPage("/Assessments/View", new { id });
        if (!work.MayMake(a.Case, a.Instrument)) return Forbid();
        Assessment = a;
        Suggestion = AssessmentWork.Suggestion(a);
        return null;
    }

    private void FillFromStored()
    {
        var stored = Assessment.AnswerMap;
        Answers = stored.ToDictionary(x => x.Key, x => (string?)x.Value);
        foreach (var q in Definition.Questions.Where(q => q.Type == AnswerType.Language))
            if (stored.TryGetValue(q.Key, out var v) && LanguageAnswer.Parse(v) is { } l)
            {
                Lang[q.Key] = l.Language;
                Level[q.Key] = l.Level;
            }
        Version = Assessment.Version;
        SignDate = clock.Today();
        Availability = Suggestion.Availability;
        NeedCategory = Suggestion.NeedCategory;
    }

    /// <summary>The posted answers, a language question's two parts joined (a language without a level, or a level
    /// without a language, is sent as it is so that the check names the question).</summary>
    private Dictionary<string, string?> Posted()
    {
        var answers = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var q in Definition.Questions)
        {
            if (q.Type == AnswerType.Language)
            {
                var lang = Lang.GetValueOrDefault(q.Key)?.Trim();
                var level = Level.GetValueOrDefault(q.Key)?.Trim();
                answers[q.Key] = string.IsNullOrEmpty(lang) && string.IsNullOrEmpty(level) ? null : $"{lang}:{level}";
            }
            else answers[q.Key] = Answers.GetValueOrDefault(q.Key);
        }
        // Keys the form does not know are checked (and refused) too.
        foreach (var (key, value) in Answers.Where(x => Definition.Find(x.Key) is null)) answers[key] = value;
        return answers;
    }

    /// <summary>A refusal as form errors: a question's under its input, the date and the reason under theirs.</summary>
    private void Show(AssessmentOutcome outcome)
    {
        switch (outcome)
        {
            case AssessmentOutcome.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                    foreach (var m in messages) ModelState.AddModelError(FormField(field), texts.Format(m));
                break;
            case AssessmentOutcome.Refused refused:
                ModelState.AddModelError("", texts.Format(refused.Message));
                break;
        }
    }

    private static string FormField(string field) => field switch
    {
        "date" => nameof(SignDate),
        "overrideReason" => nameof(OverrideReason),
        "" => "",
        _ => $"Answers[{field}]",
    };

    private IActionResult AutosaveAnswer(AssessmentOutcome outcome)
    {
        switch (outcome)
        {
            case AssessmentOutcome.Done done:
                var suggestion = AssessmentWork.Suggestion(done.Assessment);
                var culture = CultureInfo.CurrentUICulture;
                return new JsonResult(new
                {
                    version = done.Assessment.Version,
                    saved = texts.Format("Saved {0}", clock.GetUtcNow().ToStockholm().ToString("HH:mm", CultureInfo.InvariantCulture)),
                    availability = suggestion.Availability.ToString(),
                    needCategory = suggestion.NeedCategory.ToString(),
                    availabilityText = texts.Enum(suggestion.Availability),
                    needCategoryText = texts.Enum(suggestion.NeedCategory),
                    reasons = suggestion.Reasons.Select(r => r.In(culture)).ToList(),
                });
            case AssessmentOutcome.Invalid invalid:
                return new JsonResult(new { errors = texts.Errors(invalid.Errors).ToDictionary(e => FormField(e.Key), e => e.Value) }) { StatusCode = 400 };
            case AssessmentOutcome.Refused refused:
                return new JsonResult(new { error = texts.Format(refused.Message) }) { StatusCode = 409 };
            default:
                return NotFound();
        }
    }

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The heading of a section of questions.</summary>
    public string SectionTitle(string? section) =>
        section is null ? "" : texts[SectionLabel + section] is var t && t != SectionLabel + section ? t : section;

    /// <summary>The translation key of a section's heading is this and the section's name (a section no translation names
    /// is headed by its name).</summary>
    private const string SectionLabel = "AssessmentSection.";
}
