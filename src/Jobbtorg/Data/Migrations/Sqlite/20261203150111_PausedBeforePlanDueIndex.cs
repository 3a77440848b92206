using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PausedBeforePlanDueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_PausedBeforePlanDue",
                table: "Cases",
                column: "EnrolmentDate",
                filter: "\"FirstPauseOn\" <= \"FirstPlanDue\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_PausedBeforePlanDue",
                table: "Cases");
        }
    }
}
