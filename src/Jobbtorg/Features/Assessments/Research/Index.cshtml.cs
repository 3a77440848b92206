using Jobbtorg.Features.Access;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Assessments.Research;

/// <summary>The pseudonymised research extract for a period: the form, and the file (CSV or NDJSON) it downloads. Each
/// download is one access-log entry of kind export, naming no person.</summary>
[RequirePermission(Permission.ProduceResearchExtract)]
[ShowsPersonalData(Kind = AccessKind.Export, ChangesOnly = true)]
public class IndexModel(ResearchExtract extract, Texts texts, TimeProvider clock) : PageModel
{
    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public DateOnly? To { get; set; }

    public void OnGet()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        From = new DateOnly(today.Year - 1, 1, 1);
        To = new DateOnly(today.Year - 1, 12, 31);
    }

    public Task<IActionResult> OnPostCsvAsync() => DownloadAsync(csv: true);

    public Task<IActionResult> OnPostNdjsonAsync() => DownloadAsync(csv: false);

    private async Task<IActionResult> DownloadAsync(bool csv)
    {
        var errors = new FieldErrors();
        if (!ModelState.IsValid)
        {
            if (ModelState[nameof(From)]?.Errors.Count > 0) errors.Refuse("from", "Enter the first day of the period as yyyy-MM-dd.");
            if (ModelState[nameof(To)]?.Errors.Count > 0) errors.Refuse("to", "Enter the last day of the period as yyyy-MM-dd.");
            ModelState.Clear();
        }
        ResearchExtract.CheckPeriod(From, To, errors);
        if (errors.Count > 0)
        {
            foreach (var (field, messages) in errors)
                foreach (var m in messages) ModelState.AddModelError(field == "from" ? nameof(From) : nameof(To), texts.Format(m));
            // Not a success: no export is recorded in the access log for a refused period.
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var rows = await extract.RowsAsync(From!.Value, To!.Value, HttpContext.RequestAborted);
        var name = $"research-assessments-{From:yyyy-MM-dd}-{To:yyyy-MM-dd}";
        return csv
            ? File(ResearchExtract.Csv(rows), ResearchApi.CsvType + "; charset=utf-8", name + ".csv")
            : File(ResearchExtract.NdJson(rows), ResearchApi.NdjsonType + "; charset=utf-8", name + ".ndjson");
    }
}
