using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Import;

/// <summary>Administrators upload a case-event file; large files show how far the upload and the import have come.</summary>
[RequirePermission(Permission.Import)]
[DisableRequestSizeLimit]
[RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
[Jobbtorg.Features.AccessLog.ShowsPersonalData(ChangesOnly = true)]
public class IndexModel(CaseEventImport import, ImportProgressBoard board, Shared.Texts texts) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public Guid? ProgressId { get; set; }

    public ImportResult? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), texts["Choose a file of case events (NDJSON)."]);
            return Page();
        }
        var id = ProgressId ?? Guid.NewGuid();
        try
        {
            await using var stream = Upload.OpenReadStream();
            Result = await import.ImportAsync(stream, User.Identity?.Name ?? "import", ct, board.Track(id));
        }
        finally
        {
            board.Finish(id);
        }
        if (!Result.Succeeded) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public IActionResult OnGetProgress(Guid id) =>
        board.Get(id) is { } p ? new JsonResult(new { phase = p.Phase, lines = p.Lines }) : new JsonResult(new { phase = "waiting", lines = 0L });
}
