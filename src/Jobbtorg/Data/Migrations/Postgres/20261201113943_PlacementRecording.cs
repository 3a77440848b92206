using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlacementRecording : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmployerName",
                table: "Placements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EndedAt",
                table: "Placements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndedBy",
                table: "Placements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HoursPerWeek",
                table: "Placements",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "Placements",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "Placements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "Placements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subsidy",
                table: "Placements",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WageForm",
                table: "Placements",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EmployerName",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "EndedBy",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "HoursPerWeek",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "Subsidy",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "WageForm",
                table: "Placements");
        }
    }
}
