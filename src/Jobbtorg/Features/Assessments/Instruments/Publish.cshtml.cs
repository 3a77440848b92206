using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Assessments.Instruments;

/// <summary>Publishing a new version: the current version's JSON to edit, checked (every problem named, nothing stored),
/// what it changes against the current version, and publishing it as the next version.</summary>
[RequirePermission(Permission.PublishInstruments)]
[AccessLog.NoPersonalData]
public class PublishModel(InstrumentVersions versions, CurrentUser user, Texts texts) : PageModel
{
    private static readonly JsonSerializerOptions Indented = new(InstrumentDefinition.Json) { WriteIndented = true };

    public Instrument Instrument { get; private set; }
    public InstrumentVersion Current { get; private set; } = null!;
    [BindProperty] public string? Definition { get; set; }
    [BindProperty] public int BasedOn { get; set; }
    public IReadOnlyList<BrokenRule> Problems { get; private set; } = [];
    public InstrumentChanges? Changes { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string instrument)
    {
        if (!await LoadAsync(instrument)) return NotFound();
        Definition = JsonSerializer.Serialize(Current.Parsed, Indented);
        BasedOn = Current.Version;
        return Page();
    }

    /// <summary>Checks the definition and shows what it changes; stores nothing.</summary>
    public async Task<IActionResult> OnPostCheckAsync(string instrument)
    {
        if (!await LoadAsync(instrument)) return NotFound();
        Examine();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string instrument)
    {
        if (!await LoadAsync(instrument)) return NotFound();
        switch (await versions.PublishAsync(Instrument, Definition, user.Name, BasedOn, HttpContext.RequestAborted))
        {
            case PublishOutcome.Published p:
                TempData["Message"] = texts.Format("Version {0} is published. New assessments are made under it.", p.Version.Version);
                return Redirect($"/Assessments/Instruments/{Instrument}/{p.Version.Version}");
            case PublishOutcome.Overtaken o:
                Refusal = texts.Format("Someone else published version {0} while you were editing. Nothing was published: compare with version {0} and publish again.", o.Newest);
                break;
            case PublishOutcome.Invalid:
                break;
        }
        Examine();
        return Page();
    }

    private void Examine()
    {
        var (definition, problems) = InstrumentCheck.Read(Definition);
        Problems = problems;
        if (definition is not null)
        {
            Changes = InstrumentChanges.Between(Current.Parsed, definition);
            if (Changes.None) Problems = [BrokenRule.OnField("definition", "The definition is the same as version {0}: change something before publishing.", Current.Version)];
        }
        foreach (var p in Problems) ModelState.AddModelError(nameof(Definition), $"{p.Field}: {texts.Format(p.Template, p.Args)}");
    }

    private async Task<bool> LoadAsync(string instrument)
    {
        if (InstrumentsApi.ParseInstrument(instrument) is not { } i) return false;
        Instrument = i;
        if (await versions.CurrentAsync(i, HttpContext.RequestAborted) is not { } current) return false;
        Current = current;
        return true;
    }
}
