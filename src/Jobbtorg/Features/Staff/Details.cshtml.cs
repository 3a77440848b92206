using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Staff;

/// <summary>One user: what they are and reach, the administrator's actions on the account, and every change so far.</summary>
[RequirePermission(Permission.ManageStaff)]
[Jobbtorg.Features.AccessLog.NoPersonalData]
public class DetailsModel(JobbtorgDb db, UserManager<AppUser> users, StaffAdministration staff, CurrentUser current, Texts texts)
    : PageModel, IRoleForm
{
    public AppUser Member { get; private set; } = null!;
    public string? Role { get; private set; }
    public string? Binding { get; private set; }
    public int OpenCases { get; private set; }
    public List<StaffChange> Changes { get; private set; } = [];
    public StaffChoices Choices { get; private set; } = null!;
    /// <summary>The role form's fields: bound by the role change alone, so the other actions read nothing from the form.</summary>
    public RoleInput Input { get; set; } = new();
    /// <summary>Set after a reset: the new one-time password, shown in this answer only.</summary>
    public string? OneTimePassword { get; private set; }
    public bool IsSelf => Member.Id == current.Id;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input = RoleInput.Of(Member, Role);
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, RoleInput input)
    {
        Input = input;
        if (!await LoadAsync(id)) return NotFound();
        foreach (var (field, message) in input.UnknownIn(Choices)) ModelState.AddModelError(field, texts[message]);
        if (!ModelState.IsValid) return Page();
        return await ActAsync(id, by => staff.ChangeRoleAsync(Member, input.Role, input.Binding, by, Aborted),
            () => texts.Format("{0}: the role and workplace are saved. The user's sessions have ended; the change applies from the next sign-in.", Member.DisplayName));
    }

    public Task<IActionResult> OnPostDeactivateAsync(string id) => ActAsync(id, by => staff.DeactivateAsync(Member, by, Aborted),
        () => texts.Format("{0} is deactivated and signed out.", Member.DisplayName));

    public Task<IActionResult> OnPostReactivateAsync(string id) => ActAsync(id, by => staff.ReactivateAsync(Member, by, Aborted),
        () => texts.Format("{0} can sign in again.", Member.DisplayName));

    public async Task<IActionResult> OnPostResetPasswordAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var input = RoleInput.Of(Member, Role);
        OneTimePassword = await staff.ResetPasswordAsync(Member, Actor, Aborted);
        await LoadAsync(id);
        Input = input;
        return Page();
    }

    private StaffActor Actor => new(current.Id, current.Name);
    private CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>Runs one change; back to the page with a message, or the page again with the rule that refused it.</summary>
    private async Task<IActionResult> ActAsync(string id, Func<StaffActor, Task> change, Func<string> done)
    {
        if (!await LoadAsync(id)) return NotFound();
        try
        {
            await change(Actor);
            TempData["Message"] = done();
            return RedirectToPage(new { id });
        }
        catch (RuleBrokenException rule)
        {
            ModelState.AddModelError("", texts.Format(rule.Template, rule.Args));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", texts["Someone else changed the user at the same time. Reload and try again."]);
        }
        // The role form shows what was posted with the refusal; after any other action, the user as they are.
        var posted = Request.Form.ContainsKey("Input.Role") ? Input : null;
        db.ChangeTracker.Clear();
        await LoadAsync(id);
        Input = posted ?? RoleInput.Of(Member, Role);
        return Page();
    }

    private async Task<bool> LoadAsync(string id)
    {
        var member = await users.FindByIdAsync(id);
        if (member is null) return false;
        Member = member;
        Role = await staff.RoleOfAsync(member);
        Choices = await StaffChoices.LoadAsync(db, Aborted);
        Binding = Choices.NameOf(StaffBinding.Of(member));
        OpenCases = await staff.OpenCasesAsync(member.Id, Aborted);
        Changes = await db.Set<StaffChange>().AsNoTracking().Where(c => c.UserId == id).OrderByDescending(c => c.Id).ToListAsync(Aborted);
        return true;
    }
}
