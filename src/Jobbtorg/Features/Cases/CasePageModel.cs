using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

/// <summary>Shared by the pages that act on one case: loads it only if the user may see it, and shows a
/// broken rule or a lost race as a form error instead of an error page.</summary>
public abstract class CasePageModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock) : PageModel
{
    protected JobbtorgDb Db => db;
    protected CaseAccess Access => access;
    protected Texts Texts => texts;
    protected TimeProvider Clock => clock;
    protected DateOnly Today => clock.Today();

    public Case Case { get; private set; } = null!;

    protected async Task<bool> LoadAsync(int id, bool withPlans = false)
    {
        var visible = await access.VisibleCasesAsync(HttpContext.RequestAborted);
        // On PostgreSQL one statement: a case has few pauses, plans and activities, so their product is small, and split
        // queries would repeat the case's joins once per collection. SQLite runs in process, so a statement more costs
        // no round trip, and its planner would read every plan and activity of the database to join them to the case.
        var query = withPlans
            ? db.Database.IsNpgsql() ? visible.WithWorkingState().AsSingleQuery() : visible.WithWorkingState()
            : visible.Include(c => c.Participant).Include(c => c.District).Include(c => c.JobCentre).Include(c => c.Coach);
        Case = (await query.FirstOrDefaultAsync(c => c.Id == id, HttpContext.RequestAborted))!;
        if (Case is not null) AccessLog.AccessLogMiddleware.CaseLoaded(HttpContext, Case);
        return Case is not null;
    }

    /// <summary>Runs a rule-guarded change and saves it; false (with a form error) when a rule refused.</summary>
    protected Task<bool> TryChangeAsync(Action change, string field = "") => TryAsync(async () =>
    {
        change();
        await db.SaveChangesAsync(HttpContext.RequestAborted);
    }, field);

    /// <summary>Runs a use case that changes the case and shows the case as it stored it; false (with a form error) when a
    /// rule refused.</summary>
    protected Task<bool> TryUseCaseAsync(Func<CancellationToken, Task<Case>> useCase, string field = "") =>
        TryAsync(async () => Case = await useCase(HttpContext.RequestAborted), field);

    /// <summary>Runs an action on the case; false (with a form error on <paramref name="field"/>) when a rule refused it.</summary>
    protected async Task<bool> TryAsync(Func<Task> change, string field)
    {
        try
        {
            await change();
            return true;
        }
        catch (RuleBrokenException rule)
        {
            ModelState.AddModelError(field, texts.Format(rule.Template, rule.Args));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(field, texts["Someone else changed the case at the same time. Reload and try again."]);
        }
        return false;
    }

    protected IActionResult BackToCase(string message)
    {
        TempData["Message"] = message;
        return RedirectToPage("/Cases/Details", new { id = Case.Id });
    }
}
