package render

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"

	"chronomap/app/draw"
	"chronomap/app/scene"
	"chronomap/app/workspace"
	"chronomap/app/worldmap"
)

// workspaceJob is `render --workspace W [--scene N | --deck] [--frames N]`.
type workspaceJob struct {
	path       string
	scene      int  // from 1; 0 draws the workspace as saved
	deck       bool // every scene
	frames     int  // a playback of this many frames
	out        string
	format     string // ".png", ".svg", ".pdf", ".pptx", ".gif"
	w, h       int
	scale      float64
	page       draw.Page
	title      string
	options    scene.Options
	projection *worldmap.Projection // given on the command line: overrides the workspace's
}

// run draws the job; on failure it returns the exit code and one sentence.
func (j workspaceJob) run() (int, error) {
	ws, err := workspace.Load(j.path)
	if err != nil {
		return 1, err
	}
	if len(ws.Sources) == 0 {
		return 1, fmt.Errorf("%s holds no files to draw", j.path)
	}
	var views []workspace.Scene
	switch {
	case j.deck:
		if len(ws.Scenes) == 0 {
			return 1, fmt.Errorf("%s has no scenes to make a deck of; capture some in the window first", j.path)
		}
		for _, s := range ws.Scenes {
			views = append(views, s)
		}
	case j.scene > 0:
		if j.scene > len(ws.Scenes) {
			return 2, fmt.Errorf("--scene %d: %s has %d scenes", j.scene, j.path, len(ws.Scenes))
		}
		views = append(views, ws.Scenes[j.scene-1])
	default:
		views = append(views, ws.Current())
	}
	if j.title != "" && !j.deck {
		views[0].Title = j.title
	}
	if j.projection != nil {
		for i := range views {
			views[i].Map.Projection = j.projection.Name
		}
	}
	f, err := scene.Read(context.Background(), ws, 0)
	if err != nil {
		return 1, err
	}
	title := j.title
	if title == "" {
		title = strings.TrimSuffix(filepath.Base(j.path), filepath.Ext(j.path))
	}
	if j.frames > 0 && j.format != ".gif" {
		err = f.Frames(views[0], j.options, j.w, j.h, j.frames, func(i int, img *image.RGBA) error {
			return writePNG(fmt.Sprintf(j.out, i+1), img)
		})
		if err != nil {
			return 1, err
		}
		return 0, nil
	}
	var b bytes.Buffer
	err = f.Write(&b, views, j.options, scene.Output{Format: j.format, W: j.w, H: j.h, Scale: j.scale, Page: j.page, Title: title, Frames: j.frames})
	if err != nil {
		return 1, err
	}
	if err := os.WriteFile(j.out, b.Bytes(), 0o644); err != nil {
		return 1, fmt.Errorf("cannot write %s: %w", j.out, err)
	}
	return 0, nil
}

// writePNG writes one frame of a playback.
func writePNG(path string, img image.Image) error {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return err
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}
