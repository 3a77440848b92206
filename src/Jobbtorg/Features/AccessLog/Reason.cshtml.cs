using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.AccessLog;

/// <summary>Why a case outside one's own caseload is opened: the common reasons, or another in one's own words.</summary>
public enum ReadReason { CoveringForColleague, HandedOver, JointPlanning, PersonGotInTouch, Other }

/// <summary>
/// Asked before a staff member opens a case that is not their own caseload (<see cref="AccessRules.IsOwnCase"/>): the
/// reason is remembered for that case for the working day and written on every access-log entry of it. Shows only the
/// case's reference: no one's name before the reason is given.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[NoPersonalData]
public class ReasonModel(CaseAccess access, CaseReasons reasons, CurrentUser user, Texts texts) : PageModel
{
    public const int MaxTextLength = 200;

    [BindProperty] public int CaseId { get; set; }
    [BindProperty] public string? ReturnUrl { get; set; }
    [BindProperty] public ReadReason? Choice { get; set; }
    [BindProperty] public string? Text { get; set; }

    public string CaseRef { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int caseId, string? returnUrl)
    {
        CaseId = caseId;
        ReturnUrl = returnUrl;
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (Choice is null) ModelState.AddModelError(nameof(Choice), texts["Choose why you are opening the case."]);
        var text = Text?.Trim();
        if (text?.Length > MaxTextLength) ModelState.AddModelError(nameof(Text), texts.Format("The reason may be at most {0} characters.", MaxTextLength));
        else if (Choice == ReadReason.Other && string.IsNullOrEmpty(text))
            ModelState.AddModelError(nameof(Text), texts["Write the reason in your own words."]);
        else if (Input.TextProblem(text) is { } problem) ModelState.AddModelError(nameof(Text), texts[problem]);
        if (!ModelState.IsValid) return Page();

        var label = texts.Enum(Choice!.Value);
        var reason = string.IsNullOrEmpty(text) ? label : Choice == ReadReason.Other ? text : $"{label}: {text}";
        reasons.Remember(HttpContext, user.Id ?? "", CaseId, reason[..Math.Min(reason.Length, AccessLogEntry.MaxReasonLength)]);
        return LocalRedirect(Back());
    }

    /// <summary>Where to go once the reason is given: the page asked for when it is a page of this app, else the case.</summary>
    public string Back() => ReturnUrl is { Length: > 0 } back && Url.IsLocalUrl(back) && !back.StartsWith(AccessLogMiddleware.ReasonPage, StringComparison.OrdinalIgnoreCase)
        ? back : $"/Cases/Details/{CaseId}";

    private async Task<bool> LoadAsync()
    {
        var found = await access.VisibleCases().Where(c => c.Id == CaseId).Select(c => c.CaseRef).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (found is null) return false;
        CaseRef = found;
        return true;
    }
}
